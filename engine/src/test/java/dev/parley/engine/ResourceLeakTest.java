package dev.parley.engine;

import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Thirty calls in a row leave no native object and no thread behind. */
class ResourceLeakTest {

    @Test
    void thirtyCallsInARowReturnThreadsAndNativeObjectsToTheirStartingLevel() {
        Map<String, Integer> nativesBefore = NativeTracker.snapshot();
        Set<String> parleyThreadsBefore = parleyThreads();
        try (CallHarness harness = CallHarness.realTime()) {
            harness.client(111);
            harness.client(222);
            harness.autoAccept(222, Map.of());
            EventLog aliceLog = harness.log(111);
            EventLog bobLog = harness.log(222);

            oneCall(harness, aliceLog, bobLog, 1);
            Map<String, Integer> nativesWithClients = NativeTracker.snapshot();
            int threadsWithClients = Thread.activeCount();

            for (int call = 2; call <= 31; call++) {
                oneCall(harness, aliceLog, bobLog, call);
            }

            assertThat(NativeTracker.snapshot()).isEqualTo(nativesWithClients)
                    .containsEntry("peer connection factory", 2).doesNotContainKey("peer connection");
            EventLog.await(() -> Thread.activeCount() <= threadsWithClients, java.time.Duration.ofSeconds(5),
                    () -> Thread.activeCount() + " live threads, " + threadsWithClients + " after the first call");
        }
        assertThat(NativeTracker.snapshot()).isEqualTo(nativesBefore);
        EventLog.await(() -> parleyThreads().equals(parleyThreadsBefore), java.time.Duration.ofSeconds(5),
                () -> "parley threads to end: " + parleyThreads());
    }

    private static void oneCall(CallHarness harness, EventLog aliceLog, EventLog bobLog, int number) {
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of("n", "" + number));
        EventLog.await(() -> aliceLog.events(e -> e.equals("connectedToUser 222")).size() == number,
                java.time.Duration.ofSeconds(15), () -> "call " + number + " to connect");
        call.hangUp(Map.of());
        EventLog.await(() -> bobLog.events(e -> e.equals("sessionClosed")).size() == number,
                java.time.Duration.ofSeconds(15), () -> "call " + number + " to close");
        EventLog.await(() -> aliceLog.events(e -> e.equals("sessionClosed")).size() == number,
                java.time.Duration.ofSeconds(15), () -> "call " + number + " to close");
    }

    private static Set<String> parleyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("parley-"))
                .collect(Collectors.toSet());
    }
}
