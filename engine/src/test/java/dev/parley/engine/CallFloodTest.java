package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import dev.parley.engine.xmpp.RawXmpp;
import dev.parley.engine.xmpp.XmppSignaling;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A call flood: while Alice is in a call, 25 users ring her 500 times within seconds. The
 * incoming limit lets two ring; every other call is rejected as busy at once, sessions,
 * threads and memory stay bounded, and Alice's call goes on as before.
 */
@ExtendWith(Servers.class)
class CallFloodTest {

    private static final long ALICE = 7701;
    private static final long BOB = 7702;
    private static final long FIRST_CALLER = 7710;
    private static final int CALLERS = 25;
    private static final int CALLS_EACH = 20;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SDP = "v=0&#13;\no=- 1 2 IN IP4 127.0.0.1&#13;\ns=-&#13;\nt=0 0&#13;\n";

    private Prosody prosody;
    private CallHarness harness;
    private final List<RawXmpp> callers = new ArrayList<>();

    @AfterEach
    void stop() {
        callers.forEach(RawXmpp::close);
        if (harness != null) {
            harness.close();
        }
        if (prosody != null) {
            prosody.close();
        }
    }

    @Test
    void fiveHundredIncomingCallsAreTurnedAwayWithoutTouchingTheLiveCall() throws Exception {
        prosody = Prosody.start();
        harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
        CallClient alice = harness.client(ALICE, b -> b.answerTimeInterval(Duration.ofSeconds(10)));
        harness.client(BOB);
        harness.autoAccept(BOB, Map.of());
        CallSession live = harness.call(ALICE, List.of(BOB), ConferenceType.VIDEO, Map.of());
        harness.log(ALICE).awaitEvent("connectedToUser " + BOB);
        Waits.until(() -> live.remoteVideoTrack(BOB).isPresent(), WAIT, () -> "Bob's video");
        FrameTimes fromBob = new FrameTimes();
        live.remoteVideoTrack(BOB).orElseThrow().addSink(fromBob);
        for (int i = 0; i < CALLERS; i++) {
            callers.add(RawXmpp.login(prosody, FIRST_CALLER + i, xml -> xml.contains("<signalType>reject</signalType>")));
        }
        int threadsBefore = parleyThreads();
        long heapBefore = usedHeapAfterGc();
        int liveEventsBefore = harness.log(ALICE).events(e -> e.contains(" " + BOB)).size();

        long started = System.nanoTime();
        int mostSessions = 0;
        for (int round = 0; round < CALLS_EACH; round++) {
            for (int i = 0; i < CALLERS; i++) {
                long caller = FIRST_CALLER + i;
                callers.get(i).sendSignal(ALICE, "<moduleIdentifier>WebRTCVideoChat</moduleIdentifier>"
                        + "<signalType>call</signalType><sessionID>" + UUID.randomUUID() + "</sessionID><callType>1"
                        + "</callType><callerID>" + caller + "</callerID><opponentsIDs><opponentID>" + ALICE
                        + "</opponentID></opponentsIDs><platform>web</platform><sdp>" + SDP + "</sdp>");
            }
            mostSessions = Math.max(mostSessions, alice.sessions().size());
        }
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        int calls = CALLERS * CALLS_EACH;
        Waits.until(() -> rejects() + offered() >= calls, Duration.ofSeconds(60),
                () -> rejects() + " rejects and " + offered() + " offered calls of " + calls);
        double handledSeconds = (System.nanoTime() - started) / 1e9;
        mostSessions = Math.max(mostSessions, alice.sessions().size());
        System.out.printf("flood: %d calls sent in %.1f s, all answered in %.1f s: %d offered, %d rejected as busy;"
                + " at most %d sessions at once; Parley's threads %d -> %d; heap after GC %.1f -> %.1f MiB%n", calls,
                sendSeconds, handledSeconds, offered(), rejects(), mostSessions, threadsBefore, parleyThreads(),
                heapBefore / 1048576.0, usedHeapAfterGc() / 1048576.0);

        assertThat(offered()).as("calls offered to Alice: the incoming limit").isEqualTo(2);
        assertThat(rejects()).isEqualTo(calls - 2);
        assertThat(mostSessions).isLessThanOrEqualTo(3);
        assertThat(parleyThreads()).as("no thread per call").isEqualTo(threadsBefore);
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(32L << 20);
        // the live call saw nothing of it
        assertThat(harness.log(ALICE).events(e -> e.contains(" " + BOB))).hasSize(liveEventsBefore);
        assertThat(live.state()).isEqualTo(SessionState.CONNECTED);
        long frames = fromBob.frames();
        Waits.until(() -> fromBob.frames() > frames + 30, WAIT, () -> "Bob's video still arriving");
        // the two that rang give up after the answer time, and Alice is back to her one call
        Waits.until(() -> alice.sessions().size() == 1, WAIT, () -> "the ringing calls ending: " + alice.sessions());
    }

    private long rejects() {
        return callers.stream().mapToLong(RawXmpp::received).sum();
    }

    private long offered() {
        return harness.log(ALICE).events(e -> e.startsWith("sessionReceived")).size();
    }

    /** Threads the engine started (the test's own XMPP clients have theirs). */
    private static int parleyThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("parley-") && !t.getName().startsWith("parley-test")).count();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
