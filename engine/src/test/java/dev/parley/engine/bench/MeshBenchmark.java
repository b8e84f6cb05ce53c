package dev.parley.engine.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoFormat;
import dev.parley.engine.VideoFrame;
import dev.parley.engine.VideoSink;
import dev.parley.engine.signaling.LocalSignalingHub;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU, memory and received frame rates of a video mesh of 2, 3 and 4 participants in one JVM,
 * each sending a 640x480@30 test pattern, over 20 s per size. Run with
 * {@code bash src/scripts/bench-mesh.sh}.
 */
public final class MeshBenchmark {

    private static final int SECONDS = BenchTable.smokeOr(2, 20);

    public static void main(String[] args) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println();
        System.out.println("Video mesh in one JVM, 640x480@30 test pattern per participant, headless audio, "
                + SECONDS + " s each; " + Runtime.getRuntime().availableProcessors() + " cores");
        BenchTable.begin("mesh", "participants:", "streams:", "CPU (cores):", "RSS (MiB):",
                "fps per stream (min / median / max)");
        for (int participants = 2; participants <= 4; participants++) {
            run(participants, os);
        }
        BenchTable.end("mesh");
        System.exit(0); // webrtc-java's native threads would otherwise keep the JVM alive
    }

    private static void run(int participants, OperatingSystemMXBean os) throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-callbacks"));
        CallConfig config = CallConfig.builder().callbackExecutor(callbacks).audioDeviceMode(AudioDeviceMode.HEADLESS)
                .build();
        List<CallClient> clients = new ArrayList<>();
        List<AtomicLong> counters = new ArrayList<>();
        try (LocalSignalingHub hub = new LocalSignalingHub()) {
            for (int i = 0; i < participants; i++) {
                CallClient client = CallClient.create(hub.channel(100L * (i + 1)), config);
                clients.add(client);
                client.addListener(new CallListener() {
                    @Override
                    public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(VideoFormat.DEFAULT));
                        session.acceptCall(Map.of());
                    }

                    @Override
                    public void remoteVideoTrackReceived(CallSession session, long userId, dev.parley.engine.VideoTrack track) {
                        AtomicLong frames = new AtomicLong();
                        synchronized (counters) {
                            counters.add(frames);
                        }
                        track.addSink(new VideoSink() {
                            @Override
                            public void onFrame(VideoFrame frame) {
                                frames.incrementAndGet();
                            }
                        });
                    }
                });
            }
            List<Long> opponents = new ArrayList<>();
            for (int i = 1; i < participants; i++) {
                opponents.add(100L * (i + 1));
            }
            CallSession call = clients.get(0).createSession(opponents, ConferenceType.VIDEO);
            call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(VideoFormat.DEFAULT));
            call.startCall(Map.of());
            int streams = participants * (participants - 1);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (counters.size() < streams && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(BenchTable.smokeOr(1000, 3000)); // let every stream ramp up
            long[] before = new long[streams];
            synchronized (counters) {
                for (int i = 0; i < streams; i++) {
                    before[i] = counters.get(i).get();
                }
            }
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            long wall = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - cpu0;
            List<Double> fps = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                fps.add((counters.get(i).get() - before[i]) * 1e9 / wall);
            }
            fps.sort(Double::compare);
            BenchTable.row(participants, streams, BenchTable.fixed(cpu / (double) wall, 2), BenchTable.fixed(residentMiB(), 0),
                    BenchTable.fixed(fps.get(0), 1) + " / " + BenchTable.fixed(fps.get(fps.size() / 2), 1) + " / "
                            + BenchTable.fixed(fps.get(fps.size() - 1), 1));
            call.hangUp(Map.of());
            for (CallClient client : clients) {
                client.close();
            }
        } finally {
            callbacks.shutdown();
        }
    }

    private static double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
