package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import dev.parley.engine.xmpp.RawXmpp;
import dev.parley.engine.xmpp.StanzaFuzzer;
import dev.parley.engine.xmpp.XmppSignaling;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anyone on an XMPP server can send a Parley user any stanza. Alice is in a live call with
 * Bob through a real Prosody while Mallory, another user of the server, sends her junk and
 * forged signals: nothing may escape as an exception, nothing may touch the live call, and
 * memory must stay bounded.
 */
@ExtendWith(Servers.class)
class HostileSignalTest {

    private static final long ALICE = 7601;
    private static final long BOB = 7602;
    private static final long CAROL = 7603;
    private static final long MALLORY = 7666;
    private static final int FUZZED_STANZAS = 100_000;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Prosody prosody;
    private CallHarness harness;
    private CallSession live;
    private FrameTimes fromBob;
    private final List<String> liveEvents = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private final ErrorLines errors = new ErrorLines();
    private final String marker = UUID.randomUUID().toString();

    @BeforeEach
    void liveCall() {
        prosody = Prosody.start();
        harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
        CallClient alice = harness.client(ALICE, b -> b.answerTimeInterval(Duration.ofSeconds(10)));
        harness.client(BOB);
        alice.addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                if (session.initiatorId() == BOB) { // only the real call: Mallory's ring unanswered
                    session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                    session.acceptCall(Map.of());
                }
            }
        });
        harness.call(BOB, List.of(ALICE), ConferenceType.VIDEO, Map.of());
        harness.log(ALICE).awaitEvent("connectedToUser " + BOB);
        harness.log(BOB).awaitEvent("connectedToUser " + ALICE);
        live = alice.sessions().get(0);
        Waits.until(() -> live.remoteVideoTrack(BOB).isPresent(), WAIT, () -> "Bob's video");
        fromBob = new FrameTimes();
        live.remoteVideoTrack(BOB).orElseThrow().addSink(fromBob);
        alice.addListener(new LiveSessionWatch());
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        errors.start();
    }

    @AfterEach
    void stop() {
        errors.stop();
        Thread.setDefaultUncaughtExceptionHandler(null);
        harness.close();
        prosody.close();
    }

    @Test
    void aHundredThousandHostileStanzasChangeNothingInALiveCall() throws Exception {
        long heapBefore = usedHeapAfterGc();
        long framesBefore = fromBob.frames();
        int mostSessions = 0;
        long started = System.nanoTime();
        try (RawXmpp mallory = mallory()) {
            StanzaFuzzer fuzzer = new StanzaFuzzer(20261125L, ALICE, live.id(), BOB, MALLORY);
            for (int i = 1; i <= FUZZED_STANZAS; i++) {
                mallory.send(fuzzer.next());
                if (i % 10_000 == 0) {
                    mostSessions = Math.max(mostSessions, harness.existing(ALICE).sessions().size());
                }
            }
            awaitProcessed(mallory);
            assertThat(mallory.isConnected()).as("every stanza was within the server's limits").isTrue();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = usedHeapAfterGc();
        System.out.printf("fuzz: %d stanzas in %.1f s (%.0f per s); heap after GC %.1f -> %.1f MiB; at most %d sessions"
                + " at once; Alice was offered %d new sessions%n", FUZZED_STANZAS, seconds, FUZZED_STANZAS / seconds,
                heapBefore / 1048576.0, heapAfter / 1048576.0, mostSessions,
                harness.log(ALICE).events(e -> e.startsWith("sessionReceived")).size() - 1);

        assertLiveCallUntouched(framesBefore);
        assertThat(mostSessions).as("the live call plus at most incomingLimit ringing").isLessThanOrEqualTo(3);
        assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(32L << 20);
    }

    @Test
    void signalsForTheLiveSessionFromOutsideItAreIgnored() throws Exception {
        String otherSession = UUID.randomUUID().toString();
        long framesBefore = fromBob.frames();
        try (RawXmpp mallory = mallory(); RawXmpp carol = RawXmpp.login(prosody, CAROL)) {
            for (String type : List.of("accept", "hangUp", "reject", "iceCandidates", "update", "call")) {
                String body = signalBody(type);
                // Mallory, who is in no session, names the live one: as if she were Bob's opponent too
                mallory.sendSignal(ALICE, header(live.id(), BOB, ALICE, MALLORY) + body);
                // or as if she had started it
                mallory.sendSignal(ALICE, header(live.id(), MALLORY, ALICE) + body);
                // Carol names the live session under Bob's name, and Bob's and Alice's ids the other way round
                carol.sendSignal(ALICE, header(live.id(), ALICE, BOB, CAROL) + body);
                // a session that does not exist
                carol.sendSignal(ALICE, header(otherSession, CAROL, ALICE) + body.replace("call", "hangUp"));
            }
            awaitProcessed(mallory);
        }
        assertLiveCallUntouched(framesBefore);
        assertThat(errors.warnings()).anyMatch(w -> w.contains("not a participant"));
    }

    // ---- helpers -------------------------------------------------------------------------

    private void assertLiveCallUntouched(long framesBefore) {
        assertThat(liveEvents).as("events of the live call").isEmpty();
        assertThat(live.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(live.connectionState(BOB)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(harness.existing(BOB).sessions()).hasSize(1);
        assertThat(harness.existing(BOB).sessions().get(0).connectionState(ALICE)).isEqualTo(ConnectionState.CONNECTED);
        long now = fromBob.frames();
        Waits.until(() -> fromBob.frames() > now + 30, WAIT, () -> "Bob's video still arriving");
        assertThat(now).isGreaterThan(framesBefore);
        assertThat(uncaught).as("uncaught exceptions").isEmpty();
        assertThat(errors.errors()).as("errors logged").isEmpty();
    }

    /**
     * Waits until Alice has handled everything Mallory sent: a last, valid call from her is
     * either offered to Alice or rejected as busy, and either happens only after every stanza
     * before it went through the same queues.
     */
    private void awaitProcessed(RawXmpp sender) throws Exception {
        sender.sendSignal(ALICE, header(marker, MALLORY, ALICE) + "<signalType>call</signalType>"
                + "<sdp>v=0&#13;\no=- 1 2 IN IP4 127.0.0.1&#13;\n</sdp><userInfo><marker>" + marker + "</marker></userInfo>");
        Waits.until(() -> sender.received() > 0 || harness.log(ALICE).events().contains(
                "sessionReceived " + MALLORY + " {marker=" + marker + "}"), Duration.ofSeconds(120),
                () -> "Alice handling the last stanza");
        harness.settle();
    }

    /** Mallory, counting the replies to the last call she sends (see {@link #awaitProcessed}). */
    private RawXmpp mallory() throws Exception {
        return RawXmpp.login(prosody, MALLORY, xml -> xml.contains(marker));
    }

    private static String header(String session, long initiator, long... opponents) {
        StringBuilder ids = new StringBuilder();
        for (long id : opponents) {
            ids.append("<opponentID>").append(id).append("</opponentID>");
        }
        return "<moduleIdentifier>WebRTCVideoChat</moduleIdentifier><sessionID>" + session + "</sessionID>"
                + "<callType>1</callType><callerID>" + initiator + "</callerID><opponentsIDs>" + ids
                + "</opponentsIDs><platform>web</platform>";
    }

    private static String signalBody(String type) {
        String sdp = "<sdp>v=0&#13;\no=- 1 2 IN IP4 127.0.0.1&#13;\n</sdp>";
        return "<signalType>" + type + "</signalType>" + switch (type) {
            case "accept", "call" -> sdp;
            case "iceCandidates" -> "<iceCandidates><iceCandidate><candidate>candidate:1 1 udp 2122194687 10.6.6.6 6666"
                    + " typ host</candidate><sdpMid>0</sdpMid><sdpMLineIndex>0</sdpMLineIndex></iceCandidate>"
                    + "</iceCandidates>";
            case "update" -> "<reason>reconnect</reason><sessionDescription><offerId>x</offerId>" + sdp
                    + "<type>offer</type></sessionDescription>";
            default -> "<userInfo><reason>forged</reason></userInfo>";
        };
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Records every event of the live call after the test starts; there should be none. */
    private final class LiveSessionWatch implements CallListener {
        private void note(CallSession session, String event) {
            if (session.id().equals(live.id())) {
                liveEvents.add(event);
            }
        }

        @Override
        public void sessionStateChanged(CallSession session, SessionState state) {
            note(session, "sessionStateChanged " + state);
        }

        @Override
        public void connectionStateChanged(CallSession session, long userId, ConnectionState state) {
            note(session, "connectionStateChanged " + userId + " " + state);
        }

        @Override
        public void hungUpByUser(CallSession session, long userId, Map<String, String> userInfo) {
            note(session, "hungUpByUser " + userId);
        }

        @Override
        public void rejectedByUser(CallSession session, long userId, Map<String, String> userInfo) {
            note(session, "rejectedByUser " + userId);
        }

        @Override
        public void acceptedByUser(CallSession session, long userId, Map<String, String> userInfo) {
            note(session, "acceptedByUser " + userId);
        }

        @Override
        public void reconnectionStateChanged(CallSession session, long userId, ReconnectionState state) {
            note(session, "reconnectionStateChanged " + userId + " " + state);
        }

        @Override
        public void sessionClosed(CallSession session) {
            note(session, "sessionClosed");
        }
    }

    /**
     * The log lines this JVM writes while a test runs (the test logger writes to standard
     * error), passed through and kept: ERROR lines of Parley and Smack, where an exception that
     * escaped a handler would show (libwebrtc's own log is left out: it calls a session
     * description it cannot parse an error), and WARN lines.
     */
    private static final class ErrorLines {
        private final List<String> errorLines = Collections.synchronizedList(new ArrayList<>());
        private final List<String> warnLines = Collections.synchronizedList(new ArrayList<>());
        private PrintStream original;

        void start() {
            original = System.err;
            PrintStream through = original;
            System.setErr(new PrintStream(new OutputStream() {
                private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) {
                    through.write(b);
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.UTF_8);
                        if (text.contains(" ERROR ") && !text.contains(" ERROR webrtc ")) {
                            errorLines.add(text);
                        } else if (text.contains(" WARN ") && warnLines.size() < 1000) {
                            warnLines.add(text);
                        }
                        line.reset();
                    } else if (line.size() < 4096) {
                        line.write(b);
                    }
                }
            }, true, StandardCharsets.UTF_8));
        }

        void stop() {
            if (original != null) {
                System.setErr(original);
            }
        }

        List<String> errors() {
            return List.copyOf(errorLines);
        }

        List<String> warnings() {
            return List.copyOf(warnLines);
        }
    }
}
