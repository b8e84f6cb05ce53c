package dev.parley.engine.bench;

import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.signaling.LocalSignalingHub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Prints how long the engine takes to start and to connect an in-process 1:1 video call.
 * Not a test: run it with {@code bash src/scripts/bench-engine.sh} in a fresh JVM, since the
 * first client start includes loading the native library.
 */
public final class CallSetupBenchmark {

    private static final int CALLS = BenchTable.smokeOr(2, 20);

    public static void main(String[] args) throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-callbacks"));
        CallConfig config = CallConfig.builder().callbackExecutor(callbacks).audioDeviceMode(AudioDeviceMode.HEADLESS).build();
        try (LocalSignalingHub hub = new LocalSignalingHub()) {
            long t0 = System.nanoTime();
            CallClient alice = CallClient.create(hub.channel(111), config);
            long firstStart = System.nanoTime() - t0;
            Samples factoryStarts = new Samples();
            for (int i = 0; i < BenchTable.smokeOr(2, 10); i++) {
                long t = System.nanoTime();
                CallClient extra = CallClient.create(hub.channel(1000 + i), config);
                factoryStarts.add((System.nanoTime() - t) / 1e6);
                extra.close();
            }
            CallClient bob = CallClient.create(hub.channel(222), config);

            Samples callerSide = new Samples();
            Samples calleeSide = new Samples();
            for (int i = 0; i < CALLS + 2; i++) {
                long[] acceptedAt = new long[1];
                long[] connectedAt = new long[2];
                CountDownLatch connected = new CountDownLatch(2);
                CountDownLatch closed = new CountDownLatch(2);
                CallListener bobListener = new CallListener() {
                    @Override
                    public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                        acceptedAt[0] = System.nanoTime();
                        session.acceptCall(Map.of());
                    }

                    @Override
                    public void connectedToUser(CallSession session, long userId) {
                        connectedAt[1] = System.nanoTime();
                        connected.countDown();
                    }

                    @Override
                    public void sessionClosed(CallSession session) {
                        closed.countDown();
                    }
                };
                CallListener aliceListener = new CallListener() {
                    @Override
                    public void connectedToUser(CallSession session, long userId) {
                        connectedAt[0] = System.nanoTime();
                        connected.countDown();
                    }

                    @Override
                    public void sessionClosed(CallSession session) {
                        closed.countDown();
                    }
                };
                var bobSub = bob.addListener(bobListener);
                var aliceSub = alice.addListener(aliceListener);
                CallSession call = alice.createSession(List.of(222L), ConferenceType.VIDEO);
                call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                call.startCall(Map.of());
                if (!connected.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("call " + i + " did not connect");
                }
                call.hangUp(Map.of());
                closed.await(20, TimeUnit.SECONDS);
                bobSub.close();
                aliceSub.close();
                if (i >= 2) { // two warm-up calls
                    callerSide.add((connectedAt[0] - acceptedAt[0]) / 1e6);
                    calleeSide.add((connectedAt[1] - acceptedAt[0]) / 1e6);
                }
            }
            alice.close();
            bob.close();

            System.out.println();
            System.out.println("Parley engine benchmark (in-process signaling, headless audio, 640x480@30 test pattern)");
            Samples.header("engine");
            BenchTable.row("first engine start (native load + factory)", BenchTable.fixed(firstStart / 1e6, 1), "-");
            factoryStarts.print("engine start, library loaded (factory only)");
            callerSide.print("acceptCall -> connectedToUser, caller");
            calleeSide.print("acceptCall -> connectedToUser, callee");
            BenchTable.end("engine");
        } finally {
            callbacks.shutdown();
        }
    }
}
