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

            // the first calls start each client's media threads, some of them only when the first
            // audio reaches Java (webrtc's own threads, attached as "Thread-N"): count after those
            for (int call = 1; call <= 3; call++) {
                oneCall(harness, aliceLog, bobLog, call);
            }
            Map<String, Integer> nativesWithClients = NativeTracker.snapshot();
            int threadsWithClients = liveThreads();
            int webrtcThreadsWithClients = webrtcThreads();

            for (int call = 4; call <= 33; call++) {
                oneCall(harness, aliceLog, bobLog, call);
            }

            assertThat(NativeTracker.snapshot()).isEqualTo(nativesWithClients)
                    .containsEntry("peer connection factory", 2).doesNotContainKey("peer connection");
            EventLog.await(() -> liveThreads() <= threadsWithClients, java.time.Duration.ofSeconds(5),
                    () -> liveThreads() + " live threads, " + threadsWithClients + " after the first calls");
            // libwebrtc's long-lived threads attach to the JVM the first time they call into Java
            // (a log line, a sink), which may happen at any call; a leak would add one per call
            assertThat(webrtcThreads()).as("webrtc threads attached to the JVM after 30 more calls")
                    .isLessThanOrEqualTo(webrtcThreadsWithClients + 2);
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

    /**
     * Live Java threads but the JDK's shared pools, which come and go on their own time (the common
     * fork-join pool, the HTTP client's selector of an earlier test's WebSocket, the process
     * reaper), and libwebrtc's native threads, counted apart.
     */
    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool.commonPool") && !n.startsWith("HttpClient-")
                        && !n.equals("process reaper") && !n.equals("CompletableFutureDelayScheduler")
                        && !n.matches("Thread-\\d+"))
                .count();
    }

    /** Native threads of libwebrtc attached to the JVM (the JVM names them Thread-N). */
    private static int webrtcThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().matches("Thread-\\d+")).count();
    }

    private static Set<String> parleyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("parley-"))
                .collect(Collectors.toSet());
    }
}
