package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How calls end, and what each side sees: reject, hang-up, no answer, busy, several sessions. */
class CallOutcomesTest {

    private final CallHarness harness = CallHarness.manualTime();
    private final CallClient alice = harness.client(111);
    private final CallClient bob = harness.client(222);
    private final EventLog aliceLog = harness.log(111);
    private final EventLog bobLog = harness.log(222);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void rejectedCallClosesSessionOnBothSides() {
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bobLog.awaitEvent("sessionReceived 111 {}");
        CallSession incoming = bobLog.receivedSessions().get(0);

        incoming.rejectCall(Map.of("reason", "busy now"));

        aliceLog.awaitEvent("sessionClosed");
        bobLog.awaitEvent("sessionClosed");
        assertThat(aliceLog.events()).contains("rejectedByUser 222 {reason=busy now}");
        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.REJECTED);
        assertThat(call.state()).isEqualTo(SessionState.CLOSED);
        assertThat(incoming.state()).isEqualTo(SessionState.CLOSED);
        assertThat(alice.sessions()).isEmpty();
        assertThat(bob.sessions()).isEmpty();
    }

    @Test
    void hangUpBeforeAnswerStopsTheRingingAtTheCallee() {
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bobLog.awaitEvent("sessionReceived 111 {}");
        CallSession incoming = bobLog.receivedSessions().get(0);

        call.hangUp(Map.of("why", "changed my mind"));

        bobLog.awaitEvent("sessionClosed");
        aliceLog.awaitEvent("sessionClosed");
        assertThat(bobLog.events()).contains("hungUpByUser 111 {why=changed my mind}");
        assertThat(incoming.connectionState(111)).isEqualTo(ConnectionState.HANG_UP);
        assertThatThrownBy(() -> incoming.acceptCall(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void unansweredCallRingsEveryDialingIntervalThenReportsNoAnswer() {
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of("note", "ring"));
        bobLog.awaitEvent("sessionReceived 111 {note=ring}");

        harness.advance(Duration.ofSeconds(44));
        assertThat(call.state()).isEqualTo(SessionState.PENDING);
        aliceLog.assertNoEvent("userDidNotRespond");
        harness.advance(Duration.ofSeconds(1));

        aliceLog.awaitEvent("sessionClosed");
        assertThat(aliceLog.events()).containsSubsequence(
                "userDidNotRespond 222", "connectionStateChanged 222 NO_ANSWER", "connectionClosedForUser 222",
                "sessionStateChanged CLOSED", "sessionClosed");
        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.NO_ANSWER);
        // the repeated calls of one session ring once, and the callee stops ringing at the end
        assertThat(bobLog.events(e -> e.startsWith("sessionReceived"))).hasSize(1);
        bobLog.awaitEvent("sessionClosed");
        assertThat(harness.clock().elapsed()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void answerTimeIntervalIsConfigurable() {
        CallClient carol = harness.client(333, b -> b.answerTimeInterval(Duration.ofSeconds(10)));
        CallSession call = carol.createSession(List.of(222L), ConferenceType.AUDIO);
        call.startCall(Map.of());
        bobLog.awaitEvent("sessionReceived 333 {}");

        harness.advance(Duration.ofSeconds(10));

        harness.log(333).awaitEvent("userDidNotRespond 222");
    }

    @Test
    void busyClientOffersTheSecondCallToTheApplication() {
        CallClient carol = harness.client(333);
        harness.call(111, List.of(222L), ConferenceType.AUDIO, Map.of());
        bobLog.awaitEvent("sessionReceived 111 {}");

        CallSession second = carol.createSession(List.of(222L), ConferenceType.AUDIO);
        second.startCall(Map.of());
        bobLog.awaitEvent("sessionReceived 333 {}");

        // the seed's pattern: the application already has a call, so it rejects the new one
        bobLog.receivedSessions().get(1).rejectCall(Map.of("busy", "yes"));
        harness.log(333).awaitEvent("rejectedByUser 222 {busy=yes}");
        assertThat(bobLog.receivedSessions().get(0).state()).isEqualTo(SessionState.PENDING);
    }

    @Test
    void clientConfiguredToRejectWhenBusyRejectsWithoutAsking() {
        secondCallIsRejectedAsBusy(b -> b.rejectWhenBusy(true));
    }

    @Test
    void aCallBeyondTheIncomingLimitIsRejectedAsBusy() {
        secondCallIsRejectedAsBusy(b -> b.incomingLimit(1));
    }

    /** Dave, configured by {@code busy}, is rung by Alice; Carol's call meanwhile is rejected without asking Dave. */
    private void secondCallIsRejectedAsBusy(java.util.function.UnaryOperator<CallConfig.Builder> busy) {
        CallClient dave = harness.client(444, busy);
        CallClient carol = harness.client(333);
        harness.call(111, List.of(444L), ConferenceType.AUDIO, Map.of());
        harness.log(444).awaitEvent("sessionReceived 111 {}");

        CallSession second = carol.createSession(List.of(444L), ConferenceType.AUDIO);
        second.startCall(Map.of());

        harness.log(333).awaitEvent("sessionClosed");
        assertThat(harness.log(333).events()).contains("rejectedByUser 444 {}");
        assertThat(harness.log(444).events(e -> e.startsWith("sessionReceived"))).hasSize(1);
        assertThat(dave.sessions()).hasSize(1);
    }

    @Test
    void oneClientHoldsTwoIndependentSessions() {
        harness.client(333);
        harness.autoAccept(222, Map.of());
        harness.autoAccept(333, Map.of());
        CallSession toBob = harness.call(111, List.of(222L), ConferenceType.AUDIO, Map.of());
        CallSession toCarol = harness.call(111, List.of(333L), ConferenceType.AUDIO, Map.of());

        aliceLog.awaitEvent("connectedToUser 222");
        aliceLog.awaitEvent("connectedToUser 333");
        assertThat(toBob.id()).isNotEqualTo(toCarol.id());
        assertThat(alice.sessions()).hasSize(2);

        toBob.hangUp(Map.of());
        bobLog.awaitEvent("sessionClosed");
        assertThat(toCarol.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(toCarol.connectionState(333)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(alice.sessions()).containsExactly(toCarol);
    }

    @Test
    void userInfoArrivesIntactInEverySignal() {
        Map<String, String> callInfo = Map.of("name", "Alice Ångström", "empty", "", "xml", "<a & b>");
        Map<String, String> acceptInfo = Map.of("device", "desk phone", "emoji", "\uD83D\uDCDE");
        harness.autoAccept(222, acceptInfo);
        CallSession call = harness.call(111, List.of(222L), ConferenceType.AUDIO, callInfo);
        aliceLog.awaitEvent("connectedToUser 222");

        call.hangUp(Map.of("bye", "for now"));
        bobLog.awaitEvent("sessionClosed");

        assertThat(bobLog.events()).contains("sessionReceived 111 " + new java.util.TreeMap<>(callInfo),
                "hungUpByUser 111 {bye=for now}");
        assertThat(aliceLog.events()).contains("acceptedByUser 222 " + new java.util.TreeMap<>(acceptInfo));
    }

    @Test
    void audioOnlyCallCarriesAudioButNoVideo() {
        harness.autoAccept(222, Map.of());
        CallSession call = harness.call(111, List.of(222L), ConferenceType.AUDIO, Map.of());

        aliceLog.awaitEvent("connectedToUser 222");
        aliceLog.awaitEvent("remoteAudioTrackReceived 222");
        CallSession incoming = bobLog.receivedSessions().get(0);
        assertThat(incoming.conferenceType()).isEqualTo(ConferenceType.AUDIO);
        assertThat(call.remoteAudioTrack(222)).isPresent();
        assertThat(call.remoteVideoTrack(222)).isEmpty();
        aliceLog.assertNoEvent("remoteVideoTrackReceived");
        assertThatThrownBy(() -> call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audio-only");
    }

    @Test
    void mutingTheMicrophoneDisablesTheLocalAudioTrack() {
        harness.autoAccept(222, Map.of());
        CallSession call = harness.call(111, List.of(222L), ConferenceType.AUDIO, Map.of());
        aliceLog.awaitEvent("connectedToUser 222");

        call.localMediaStream().audioTrack().setEnabled(false);

        assertThat(call.localMediaStream().audioTrack().isEnabled()).isFalse();
        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.CONNECTED);
    }
}
