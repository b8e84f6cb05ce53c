package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact sequence of listener events each side sees for an accepted and a rejected call. */
class EventOrderTest {

    /** Remote tracks arrive when the remote description is applied, racing ICE checks; asserted separately. */
    private static final Predicate<String> ORDERED = e -> !e.startsWith("remote");

    private final CallHarness harness = CallHarness.manualTime();
    private final EventLog aliceLog;
    private final EventLog bobLog;

    EventOrderTest() {
        harness.client(111);
        harness.client(222);
        aliceLog = harness.log(111);
        bobLog = harness.log(222);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void acceptedCallFiresTheSeedsEventsInOrderOnBothSides() {
        harness.autoAccept(222, Map.of("a", "1"));
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of("c", "1"));
        aliceLog.awaitEvent("connectedToUser 222");
        bobLog.awaitEvent("connectedToUser 111");
        call.hangUp(Map.of());
        aliceLog.awaitEvent("sessionClosed");
        bobLog.awaitEvent("sessionClosed");

        assertThat(aliceLog.events(ORDERED)).containsExactly(
                "sessionStateChanged PENDING",
                "connectionStateChanged 222 PENDING",
                "acceptedByUser 222 {a=1}",
                "startedConnectingToUser 222",
                "connectionStateChanged 222 CONNECTING",
                "sessionStateChanged CONNECTING",
                "connectionStateChanged 222 CHECKING",
                "connectionStateChanged 222 CONNECTED",
                "connectedToUser 222",
                "sessionStateChanged CONNECTED",
                "connectionStateChanged 222 CLOSED",
                "connectionClosedForUser 222",
                "sessionStateChanged CLOSED",
                "sessionClosed");
        assertThat(bobLog.events(ORDERED)).containsExactly(
                "sessionReceived 111 {c=1}",
                "startedConnectingToUser 111",
                "connectionStateChanged 111 CONNECTING",
                "sessionStateChanged CONNECTING",
                "connectionStateChanged 111 CHECKING",
                "connectionStateChanged 111 CONNECTED",
                "connectedToUser 111",
                "sessionStateChanged CONNECTED",
                "hungUpByUser 111 {}",
                "connectionStateChanged 111 HANG_UP",
                "connectionClosedForUser 111",
                "sessionStateChanged CLOSED",
                "sessionClosed");
        for (EventLog log : List.of(aliceLog, bobLog)) {
            List<String> all = log.events();
            assertThat(all).containsOnlyOnce(all.stream().filter(e -> e.startsWith("remoteVideo")).findFirst().orElseThrow());
            assertThat(all.stream().filter(e -> e.startsWith("remote")).toList()).hasSize(2);
            assertThat(all.indexOf(all.stream().filter(e -> e.startsWith("remoteAudio")).findFirst().orElseThrow()))
                    .isLessThan(all.indexOf("sessionClosed"));
        }
    }

    @Test
    void rejectedCallFiresTheSeedsEventsInOrderOnBothSides() {
        harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bobLog.awaitEvent("sessionReceived 111 {}");
        bobLog.receivedSessions().get(0).rejectCall(Map.of("r", "no"));
        aliceLog.awaitEvent("sessionClosed");
        bobLog.awaitEvent("sessionClosed");

        assertThat(aliceLog.events()).containsExactly(
                "sessionStateChanged PENDING",
                "connectionStateChanged 222 PENDING",
                "rejectedByUser 222 {r=no}",
                "connectionStateChanged 222 REJECTED",
                "connectionClosedForUser 222",
                "sessionStateChanged CLOSED",
                "sessionClosed");
        assertThat(bobLog.events()).containsExactly(
                "sessionReceived 111 {}",
                "connectionStateChanged 111 CLOSED",
                "connectionClosedForUser 111",
                "sessionStateChanged CLOSED",
                "sessionClosed");
    }
}
