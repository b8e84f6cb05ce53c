package dev.parley.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.xmpp.XmppSignaling;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Call setup through a real Prosody: Parley to Parley over c2s with TLS, and, in the same run
 * on the same server, the QuickBlox JS SDK to itself in Chromium over WebSocket (the anchor).
 * Run with {@code bash src/scripts/bench-xmpp.sh}.
 */
public final class XmppSignalingBenchmark {

    private static final int CALLS = BenchTable.smokeOr(2, 20);
    private static final int WARM_UP = BenchTable.smokeOr(1, 2);
    private static final Duration WAIT = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        try (Prosody prosody = Prosody.start(); QuickBloxBrowser browser = QuickBloxBrowser.start()) {
            Samples parleyLogin = parleyLogins(prosody);
            Samples[] parley = parleyCalls(prosody);
            Samples jsLogin = new Samples();
            Samples[] js = jsCalls(prosody, browser, jsLogin);

            System.out.println();
            System.out.println("Call setup through Prosody 0.12 on loopback, 1:1 video, " + CALLS + " calls each"
                    + " (Chromium " + browser.browserVersion() + ", QuickBlox JS SDK 2.23.0)");
            Samples.header("xmpp");
            parleyLogin.print("Parley: XMPP connect + TLS + login (XmppSignaling.connect)");
            jsLogin.print("JS SDK: QB.chat.connect over WebSocket");
            parley[0].print("Parley: startCall -> sessionReceived");
            js[0].print("JS SDK: session.call -> onCallListener");
            parley[1].print("Parley: acceptCall -> connectedToUser (callee)");
            js[1].print("JS SDK: session.accept -> connection CONNECTED (callee)");
            BenchTable.row("ratio Parley/JS, startCall -> sessionReceived", BenchTable.fixed(parley[0].median() / js[0].median(), 2),
                    BenchTable.fixed(parley[0].p95() / js[0].p95(), 2));
            BenchTable.row("ratio Parley/JS, acceptCall -> connected", BenchTable.fixed(parley[1].median() / js[1].median(), 2),
                    BenchTable.fixed(parley[1].p95() / js[1].p95(), 2));
            BenchTable.end("xmpp");
        }
        System.exit(0); // webrtc-java's native threads would otherwise keep the JVM alive
    }

    private static Samples parleyLogins(Prosody prosody) {
        Samples logins = new Samples();
        prosody.user(111);
        for (int i = 0; i < CALLS + WARM_UP; i++) {
            long t = System.nanoTime();
            XmppSignaling channel = XmppSignaling.connect(prosody.user(111).build());
            double ms = (System.nanoTime() - t) / 1e6;
            channel.close();
            if (i >= WARM_UP) {
                logins.add(ms);
            }
        }
        return logins;
    }

    /** [startCall -> sessionReceived, acceptCall -> connectedToUser at the callee]. */
    private static Samples[] parleyCalls(Prosody prosody) throws Exception {
        Samples ringing = new Samples();
        Samples connecting = new Samples();
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-callbacks"));
        CallConfig config = CallConfig.builder().callbackExecutor(callbacks)
                .audioDeviceMode(AudioDeviceMode.HEADLESS).build();
        try (CallClient alice = CallClient.create(XmppSignaling.connect(prosody.user(111).build()), config);
                CallClient bob = CallClient.create(XmppSignaling.connect(prosody.user(222).build()), config)) {
            for (int i = 0; i < CALLS + WARM_UP; i++) {
                long[] times = new long[4]; // start, received, accept, connected
                CountDownLatch connected = new CountDownLatch(1);
                CountDownLatch closed = new CountDownLatch(2);
                var bobSubscription = bob.addListener(new CallListener() {
                    @Override
                    public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                        times[1] = System.nanoTime();
                        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                        times[2] = System.nanoTime();
                        session.acceptCall(Map.of());
                    }

                    @Override
                    public void connectedToUser(CallSession session, long userId) {
                        times[3] = System.nanoTime();
                        connected.countDown();
                    }

                    @Override
                    public void sessionClosed(CallSession session) {
                        closed.countDown();
                    }
                });
                var aliceSubscription = alice.addListener(new CallListener() {
                    @Override
                    public void sessionClosed(CallSession session) {
                        closed.countDown();
                    }
                });
                CallSession call = alice.createSession(List.of(222L), ConferenceType.VIDEO);
                call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                times[0] = System.nanoTime();
                call.startCall(Map.of());
                await(connected, "Parley call " + i + " to connect");
                call.hangUp(Map.of());
                await(closed, "Parley call " + i + " to close");
                bobSubscription.close();
                aliceSubscription.close();
                if (i >= WARM_UP) {
                    ringing.add((times[1] - times[0]) / 1e6);
                    connecting.add((times[3] - times[2]) / 1e6);
                }
            }
        } finally {
            callbacks.shutdown();
        }
        return new Samples[] {ringing, connecting};
    }

    /** The same two measures between two QuickBlox JS SDK pages, timed inside the pages. */
    private static Samples[] jsCalls(Prosody prosody, QuickBloxBrowser browser, Samples logins) {
        Samples ringing = new Samples();
        Samples connecting = new Samples();
        for (int i = 0; i < CALLS + WARM_UP; i++) {
            try (QuickBloxBrowser.Peer page = browser.open(prosody, 900)) {
                if (i >= WARM_UP) {
                    logins.add(page.loginMillis());
                }
            }
        }
        try (QuickBloxBrowser.Peer caller = browser.open(prosody, 333);
                QuickBloxBrowser.Peer callee = browser.open(prosody, 444)) {
            for (int i = 0; i < CALLS + WARM_UP; i++) {
                JsonNode started = caller.call(List.of(444L), 1, Map.of());
                String session = started.path("sessionId").asText();
                JsonNode ring = callee.await("call", Map.of("sessionId", session), WAIT);
                JsonNode accepted = callee.accept(Map.of());
                JsonNode connected = callee.await("connectionState",
                        Map.of("sessionId", session, "userId", 333, "connected", true), WAIT);
                caller.hangUp(Map.of());
                callee.await("closed", Map.of("sessionId", session), WAIT);
                caller.await("closed", Map.of("sessionId", session), WAIT);
                if (i >= WARM_UP) {
                    ringing.add(ring.path("t").asDouble() - started.path("startedAt").asDouble());
                    connecting.add(connected.path("t").asDouble() - accepted.path("acceptedAt").asDouble());
                }
            }
        }
        return new Samples[] {ringing, connecting};
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }
}
