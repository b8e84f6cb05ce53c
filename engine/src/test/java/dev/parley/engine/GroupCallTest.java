package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group calls: a mesh of up to four participants, with partial outcomes. */
class GroupCallTest {

    private static final long[] FOUR = {111, 222, 333, 444};

    private CallHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    /** The session each participant has of the call (the initiator's own, the others' received). */
    static CallSession sessionOf(CallHarness harness, long userId, CallSession initiators) {
        return userId == initiators.initiatorId() ? initiators : harness.log(userId).receivedSessions().get(0);
    }

    /** Waits until every pair of {@code users} is connected both ways, and returns each one's session. */
    static List<CallSession> awaitFullMesh(CallHarness harness, long[] users, CallSession call) {
        for (long user : users) {
            for (long other : users) {
                if (other != user) {
                    harness.log(user).awaitEvent("connectedToUser " + other);
                }
            }
        }
        List<CallSession> sessions = new ArrayList<>();
        for (long user : users) {
            sessions.add(sessionOf(harness, user, call));
        }
        return sessions;
    }

    @Test
    void fourPartyVideoMeshConnectsAllSixPairsAndEveryoneSeesEveryone() {
        harness = CallHarness.realTime();
        for (long id : FOUR) {
            harness.client(id);
        }
        for (long id : new long[] {222, 333, 444}) {
            harness.autoAccept(id, Map.of());
        }

        CallSession call = harness.call(111, List.of(222L, 333L, 444L), ConferenceType.VIDEO, Map.of());

        List<CallSession> sessions = awaitFullMesh(harness, FOUR, call);
        List<FrameProbe> probes = new ArrayList<>();
        for (int i = 0; i < FOUR.length; i++) {
            for (long other : FOUR) {
                if (other != FOUR[i]) {
                    CallSession session = sessions.get(i);
                    assertThat(session.connectionState(other)).as("%d to %d", FOUR[i], other)
                            .isEqualTo(ConnectionState.CONNECTED);
                    EventLog.await(() -> session.remoteVideoTrack(other).isPresent(), Duration.ofSeconds(10),
                            () -> "video of " + other + " at " + session.localUserId());
                    FrameProbe probe = new FrameProbe();
                    session.remoteVideoTrack(other).orElseThrow().addSink(probe);
                    probes.add(probe);
                }
            }
        }
        assertThat(probes).hasSize(12);
        for (FrameProbe probe : probes) {
            EventLog.await(() -> probe.frames() >= 10, Duration.ofSeconds(10), () -> probe.frames() + " frames");
            assertThat(probe.patternMismatch(48)).isEmpty();
        }
        assertThat(sessions).allMatch(s -> s.state() == SessionState.CONNECTED);
    }

    @Test
    void whenOneLeavesTheOthersKeepTheirConnectionsToEachOther() {
        harness = CallHarness.realTime();
        for (long id : FOUR) {
            harness.client(id);
        }
        for (long id : new long[] {222, 333, 444}) {
            harness.autoAccept(id, Map.of());
        }
        CallSession call = harness.call(111, List.of(222L, 333L, 444L), ConferenceType.AUDIO, Map.of());
        List<CallSession> sessions = awaitFullMesh(harness, FOUR, call);

        sessions.get(3).hangUp(Map.of("bye", "all"));

        for (long user : new long[] {111, 222, 333}) {
            harness.log(user).awaitEvent("hungUpByUser 444 {bye=all}");
        }
        harness.log(444).awaitEvent("sessionClosed");
        for (int i = 0; i < 3; i++) {
            CallSession session = sessions.get(i);
            assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
            assertThat(session.connectionState(444)).isEqualTo(ConnectionState.HANG_UP);
            for (long other : new long[] {111, 222, 333}) {
                if (other != FOUR[i]) {
                    assertThat(session.connectionState(other)).isEqualTo(ConnectionState.CONNECTED);
                }
            }
        }

        // the initiator leaving does not end it either: 222 and 333 stay connected
        call.hangUp(Map.of());
        harness.log(222).awaitEvent("hungUpByUser 111 {}");
        harness.log(333).awaitEvent("hungUpByUser 111 {}");
        assertThat(sessions.get(1).connectionState(333)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(sessions.get(1).state()).isEqualTo(SessionState.CONNECTED);

        sessions.get(1).hangUp(Map.of());
        harness.log(333).awaitEvent("sessionClosed");
        harness.log(222).awaitEvent("sessionClosed");
    }

    @Test
    void oneRejectsAndTheCallGoesOnWithTheRest() {
        harness = CallHarness.realTime();
        harness.client(111);
        harness.client(222);
        harness.client(333);
        harness.autoAccept(333, Map.of());
        harness.existing(222).addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                session.rejectCall(Map.of("sorry", "busy"));
            }
        });

        CallSession call = harness.call(111, List.of(222L, 333L), ConferenceType.AUDIO, Map.of());

        harness.log(111).awaitEvent("rejectedByUser 222 {sorry=busy}");
        harness.log(111).awaitEvent("connectedToUser 333");
        harness.log(333).awaitEvent("rejectedByUser 222 {sorry=busy}");
        CallSession carol = harness.log(333).receivedSessions().get(0);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.REJECTED);
        assertThat(carol.connectionState(222)).isEqualTo(ConnectionState.REJECTED);
        assertThat(carol.connectionState(111)).isEqualTo(ConnectionState.CONNECTED);
        harness.log(222).awaitEvent("sessionClosed");
    }

    @Test
    void oneNeverAnswersAndBothTheInitiatorAndTheLateCalleeGiveUpWhenTheRingingTimeIsOver() {
        harness = CallHarness.manualTime();
        harness.client(111);
        harness.client(222); // rings, never answers
        harness.client(333);
        CallSession call = harness.call(111, List.of(222L, 333L), ConferenceType.AUDIO, Map.of());
        harness.settle();
        CallSession carol = harness.log(333).receivedSessions().get(0);

        harness.advance(Duration.ofSeconds(30));
        carol.acceptCall(Map.of()); // accepts late: 15 s of the 45 are left to reach 222
        harness.log(111).awaitEvent("connectedToUser 333");
        harness.advance(Duration.ofSeconds(14));

        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.PENDING);
        assertThat(carol.connectionState(222)).isEqualTo(ConnectionState.PENDING);

        harness.advance(Duration.ofSeconds(2));

        assertThat(harness.log(111).events()).contains("userDidNotRespond 222");
        assertThat(harness.log(333).events()).contains("userDidNotRespond 222");
        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.NO_ANSWER);
        assertThat(carol.connectionState(222)).isEqualTo(ConnectionState.NO_ANSWER);
        assertThat(call.connectionState(333)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void aFifthParticipantIsRefusedBeforeAnythingIsSent() {
        harness = CallHarness.realTime();
        CallClient alice = harness.client(111);

        assertThatThrownBy(() -> alice.createSession(List.of(222L, 333L, 444L, 555L), ConferenceType.VIDEO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a mesh call has at most 4 participants");
        assertThat(alice.sessions()).isEmpty();
    }
}
