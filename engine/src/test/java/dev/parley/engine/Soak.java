package dev.parley.engine;

import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.signaling.LocalSignalingHub;
import dev.parley.engine.signaling.SignalingChannel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Many sequential 1:1 video calls between the same two clients in one JVM: start, accept, a
 * few frames of video, hang up, both sessions closed. It notes what a leak would grow (OS
 * threads, open file descriptors, resident memory, heap after a GC, native objects) every so
 * many calls, so that the figures at call 100 and call 1,000 can be compared. Used by
 * {@code SoakTest} (a short run) and {@code bench.SoakBenchmark} (the long one).
 */
public final class Soak implements AutoCloseable {

    /** What a leak would grow, after {@code calls} calls. */
    public record Sample(int calls, int failures, int osThreads, int javaThreads, int openFiles, double rssMiB,
            double heapMiB, Map<String, Integer> natives) {
    }

    private static final long ALICE = 7501;
    private static final long BOB = 7502;
    private static final int FRAMES_PER_CALL = 3;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final LocalSignalingHub hub;
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "soak-callbacks"));
    private final CallClient alice;
    private final CallClient bob;
    private final AtomicReference<CallRound> round = new AtomicReference<>();
    private final List<String> failures = new ArrayList<>();

    private Soak(LongFunction<SignalingChannel> channels, LocalSignalingHub hub) {
        this.hub = hub;
        CallConfig config = CallConfig.builder().callbackExecutor(callbacks).audioDeviceMode(AudioDeviceMode.HEADLESS)
                .build();
        alice = CallClient.create(channels.apply(ALICE), config);
        bob = CallClient.create(channels.apply(BOB), config);
        bob.addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                session.acceptCall(Map.of());
            }

            @Override
            public void sessionClosed(CallSession session) {
                round.get().bobClosed.countDown();
            }
        });
        alice.addListener(new CallListener() {
            @Override
            public void remoteVideoTrackReceived(CallSession session, long userId, VideoTrack track) {
                CountDownLatch frames = round.get().frames;
                track.addSink(frame -> frames.countDown());
            }

            @Override
            public void sessionClosed(CallSession session) {
                round.get().aliceClosed.countDown();
            }
        });
    }

    /** Two clients on an in-process hub. */
    public static Soak inProcess() {
        LocalSignalingHub hub = new LocalSignalingHub();
        return new Soak(hub::channel, hub);
    }

    /** Two clients whose signaling channels come from {@code channels} (XMPP through a real server). */
    public static Soak over(LongFunction<SignalingChannel> channels) {
        return new Soak(channels, null);
    }

    /** The user ids the two clients log in as. */
    public static List<Long> users() {
        return List.of(ALICE, BOB);
    }

    /**
     * Makes {@code calls} calls one after another and samples after the first and then every
     * {@code sampleEvery} calls. A call that does not complete within 15 s counts as a failure
     * (with its reason kept in {@link #failures()}) and the run goes on.
     */
    public List<Sample> run(int calls, int sampleEvery) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        for (int n = 1; n <= calls; n++) {
            call(n);
            if (n == 1 || n % sampleEvery == 0) {
                samples.add(sample(n));
            }
        }
        return samples;
    }

    /** Why the failed calls failed. */
    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private void call(int n) throws InterruptedException {
        CallRound current = new CallRound();
        round.set(current);
        CallSession session = alice.createSession(List.of(BOB), ConferenceType.VIDEO);
        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        session.startCall(Map.of("call", Integer.toString(n)));
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        boolean gotFrames = current.frames.await(CALL_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        session.hangUp(Map.of());
        boolean closed = current.aliceClosed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                && current.bobClosed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!gotFrames || !closed) {
            synchronized (this) {
                failures.add("call " + n + ": " + (gotFrames ? "" : "no video; ") + (closed ? "" : "did not close; ")
                        + session + ", Bob's sessions " + bob.sessions());
            }
            bob.sessions().forEach(s -> s.hangUp(Map.of()));
        }
    }

    private Sample sample(int calls) {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Sample(calls, failures().size(), osThreads(), Thread.activeCount(), openFiles(), rssMiB(),
                heap.getUsed() / 1048576.0, NativeTracker.snapshot());
    }

    private static int openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int osThreads() {
        return (int) statusValue("Threads:");
    }

    private static double rssMiB() {
        return statusValue("VmRSS:") / 1024.0;
    }

    private static long statusValue(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not Linux: no figure
        }
        return -1;
    }

    @Override
    public void close() {
        alice.close();
        bob.close();
        if (hub != null) {
            hub.close();
        }
        callbacks.shutdown();
    }

    /** What one call waits for. */
    private static final class CallRound {
        final CountDownLatch frames = new CountDownLatch(FRAMES_PER_CALL);
        final CountDownLatch aliceClosed = new CountDownLatch(1);
        final CountDownLatch bobClosed = new CountDownLatch(1);
    }
}
