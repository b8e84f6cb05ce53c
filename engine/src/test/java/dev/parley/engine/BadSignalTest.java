package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.signaling.Signal;
import dev.parley.engine.signaling.SignalingChannel;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signals that are for unknown sessions, from outsiders, malformed or repeated: each is
 * dropped and logged, and nothing a user could notice changes.
 */
class BadSignalTest {

    private final CallHarness harness = CallHarness.manualTime();
    private final CallClient alice = harness.client(111);
    private final EventLog aliceLog = harness.log(111);
    private final EventLog bobLog;
    private final SignalingChannel mallory = harness.hub().channel(999);

    BadSignalTest() {
        harness.client(222);
        bobLog = harness.log(222);
    }

    @AfterEach
    void close() {
        mallory.close();
        harness.close();
    }

    private static Signal.Header header(String sessionId, long initiator, List<Long> opponents) {
        return new Signal.Header(sessionId, ConferenceType.VIDEO, initiator, opponents, "web");
    }

    @Test
    void signalsForAnUnknownSessionChangeNothing() {
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bobLog.awaitEvent("sessionReceived 111 {}");
        Signal.Header unknown = header("no-such-session", 111, List.of(222L));

        mallory.send(111, new Signal.HangUp(unknown, Map.of()));
        mallory.send(111, new Signal.Reject(unknown, Map.of()));
        mallory.send(222, new Signal.Accept(unknown, "v=0\r\n", Map.of()));
        harness.settle();

        assertThat(call.state()).isEqualTo(SessionState.PENDING);
        assertThat(aliceLog.events()).containsExactly("sessionStateChanged PENDING", "connectionStateChanged 222 PENDING");
    }

    @Test
    void signalsFromSomeoneWhoIsNotAParticipantChangeNothing() {
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bobLog.awaitEvent("sessionReceived 111 {}");
        CallSession incoming = bobLog.receivedSessions().get(0);
        Signal.Header forged = header(call.id(), 111, List.of(222L));

        mallory.send(111, new Signal.Reject(forged, Map.of("forged", "yes")));
        mallory.send(222, new Signal.HangUp(forged, Map.of("forged", "yes")));
        mallory.send(111, new Signal.IceCandidates(forged,
                List.of(new Signal.IceCandidate("candidate:1 1 udp 1 203.0.113.9 9 typ host", "0", 0))));
        harness.settle();

        assertThat(call.state()).isEqualTo(SessionState.PENDING);
        assertThat(incoming.state()).isEqualTo(SessionState.PENDING);
        aliceLog.assertNoEvent("rejectedByUser");
        bobLog.assertNoEvent("hungUpByUser");
    }

    @Test
    void callWithoutASessionDescriptionIsDropped() {
        mallory.send(222, new Signal.Call(header("bad-sdp", 999, List.of(222L)), "", Map.of()));
        mallory.send(222, new Signal.Call(header("garbage-sdp", 999, List.of(222L)), "hello", Map.of()));
        harness.settle();

        assertThat(bobLog.events()).isEmpty();
    }

    @Test
    void callThatClaimsSomeoneElseAsInitiatorIsDropped() {
        mallory.send(222, new Signal.Call(header("spoofed", 111, List.of(222L)), "v=0\r\n", Map.of()));
        harness.settle();

        assertThat(bobLog.events()).isEmpty();
    }

    @Test
    void callNotAddressedToTheReceiverIsDropped() {
        mallory.send(222, new Signal.Call(header("elsewhere", 999, List.of(333L)), "v=0\r\n", Map.of()));
        harness.settle();

        assertThat(bobLog.events()).isEmpty();
    }

    @Test
    void repeatedCallsAndAcceptsOfOneSessionCountOnce() {
        harness.autoAccept(222, Map.of());
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        aliceLog.awaitEvent("connectedToUser 222");
        harness.advance(Duration.ofSeconds(12));

        assertThat(bobLog.events(e -> e.startsWith("sessionReceived"))).hasSize(1);
        assertThat(aliceLog.events(e -> e.startsWith("acceptedByUser"))).hasSize(1);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void lateSignalsAfterTheSessionClosedAreIgnored() {
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bobLog.awaitEvent("sessionReceived 111 {}");
        CallSession incoming = bobLog.receivedSessions().get(0);
        incoming.rejectCall(Map.of());
        aliceLog.awaitEvent("sessionClosed");

        // a repeated call still in flight, and a stray accept, after both sides closed
        SignalingChannel late = harness.hub().channel(555);
        late.send(222, new Signal.HangUp(header(call.id(), 111, List.of(222L)), Map.of()));
        harness.advance(Duration.ofSeconds(10));

        assertThat(bobLog.events(e -> e.startsWith("sessionReceived"))).hasSize(1);
        assertThat(harness.existing(222).sessions()).isEmpty();
        late.close();
    }
}
