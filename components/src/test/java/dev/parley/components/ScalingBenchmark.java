package dev.parley.components;

import com.formdev.flatlaf.FlatLightLaf;
import com.sun.management.OperatingSystemMXBean;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.PixelFormat;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoFormat;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.bench.BenchTable;
import dev.parley.engine.signaling.LocalSignalingHub;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.GridLayout;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

/**
 * How calls scale with the picture, with the widgets showing them (display-size conversion on):
 * a 1:1 video call at 640x480, 1280x720 and 1920x1080 (30 fps), each side showing the other in
 * a 640x360 {@link RemoteVideoView}, and a 4-party 640x480 mesh, each participant showing its
 * three others in 480x270 views. Everyone runs in this JVM (in-process signaling, real WebRTC,
 * headless audio, Xvfb); after 3 s of warm-up, 10 s are measured: the JVM's CPU, the frame rate
 * each remote track delivered, the rate each view painted new frames, and the EDT's busy share.
 * Run with {@code bash src/scripts/bench-scaling.sh}.
 */
public final class ScalingBenchmark {

    private static final int SECONDS = BenchTable.smokeOr(1, 10);
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        FlatLightLaf.setup();
        RenderBenchmarks.EdtClock edt = RenderBenchmarks.EdtClock.install();
        List<String> rows = new ArrayList<>();
        rows.add(run(edt, "1:1", 2, format(640, 480), new Dimension(640, 360)));
        rows.add(run(edt, "1:1", 2, format(1280, 720), new Dimension(640, 360)));
        rows.add(run(edt, "1:1", 2, format(1920, 1080), new Dimension(640, 360)));
        rows.add(run(edt, "4-party mesh", 4, format(640, 480), new Dimension(480, 270)));
        System.out.println();
        System.out.println("Calls with their views, everyone in one JVM, " + SECONDS + " s each; "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("<!-- bench:scaling -->");
        System.out.println("| call | video | view | CPU (cores) | received fps min / median | painted fps min | EDT busy |");
        System.out.println("|---|---|---|---:|---|---:|---:|");
        rows.forEach(System.out::println);
        BenchTable.end("scaling");
        System.exit(0);
    }

    private static VideoFormat format(int width, int height) {
        return new VideoFormat(width, height, 30, PixelFormat.FORMAT_420F);
    }

    private static String run(RenderBenchmarks.EdtClock edt, String call, int people, VideoFormat format,
            Dimension tile) throws Exception {
        CallConfig config = CallConfig.builder().audioDeviceMode(AudioDeviceMode.HEADLESS).build(); // events on the EDT
        List<CallClient> clients = new ArrayList<>();
        List<AtomicLong> received = new CopyOnWriteArrayList<>();
        List<AtomicLong> painted = new CopyOnWriteArrayList<>();
        List<JFrame> windows = new ArrayList<>();
        try (LocalSignalingHub hub = new LocalSignalingHub()) {
            List<Long> others = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                long id = 100L * (i + 1);
                if (i > 0) {
                    others.add(id);
                }
                JPanel grid = new JPanel(new GridLayout(people == 2 ? 1 : 2, people == 2 ? 1 : 2));
                SwingUtilities.invokeAndWait(() -> {
                    grid.setPreferredSize(people == 2 ? tile : new Dimension(tile.width * 2, tile.height * 2));
                    JFrame window = new JFrame("Parley scaling " + id);
                    window.setContentPane(grid);
                    window.pack();
                    window.setVisible(true);
                    windows.add(window);
                });
                CallClient client = CallClient.create(hub.channel(id), config);
                clients.add(client);
                client.addListener(new CallListener() {
                    @Override
                    public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(format));
                        session.acceptCall(Map.of());
                    }

                    @Override
                    public void remoteVideoTrackReceived(CallSession session, long userId, VideoTrack track) {
                        AtomicLong frames = new AtomicLong();
                        received.add(frames);
                        track.addSink(frame -> frames.incrementAndGet());
                        AtomicLong paints = new AtomicLong();
                        painted.add(paints);
                        RemoteVideoView view = new RemoteVideoView() {
                            private Object lastImage;

                            @Override
                            protected void paintComponent(Graphics g) {
                                super.paintComponent(g);
                                Object image = shownImage();
                                if (image != null && image != lastImage) {
                                    paints.incrementAndGet();
                                }
                                lastImage = image;
                            }
                        };
                        view.setVideoTrack(track);
                        grid.add(view);
                        grid.revalidate();
                    }
                });
            }
            CallSession first = clients.get(0).createSession(others, ConferenceType.VIDEO);
            first.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(format));
            first.startCall(Map.of());
            int streams = people * (people - 1);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (received.size() < streams && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(BenchTable.smokeOr(1000, 3000));
            long[] frames0 = received.stream().mapToLong(AtomicLong::get).toArray();
            long[] paints0 = painted.stream().mapToLong(AtomicLong::get).toArray();
            long cpu0 = OS.getProcessCpuTime();
            edt.reset();
            long t0 = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            double wall = System.nanoTime() - t0;
            double cores = (OS.getProcessCpuTime() - cpu0) / wall;
            double edtShare = edt.busyNanos() / wall;
            List<Double> fps = new ArrayList<>();
            List<Double> paintFps = new ArrayList<>();
            for (int i = 0; i < frames0.length; i++) {
                fps.add((received.get(i).get() - frames0[i]) * 1e9 / wall);
                paintFps.add((painted.get(i).get() - paints0[i]) * 1e9 / wall);
            }
            fps.sort(Double::compare);
            paintFps.sort(Double::compare);
            first.hangUp(Map.of());
            String row = String.format(Locale.ROOT, "| %s | %dx%d@30 | %dx%d | %.2f | %.1f / %.1f | %.1f | %.1f %% |", call,
                    format.width(), format.height(), tile.width, tile.height, cores, fps.isEmpty() ? 0 : fps.get(0),
                    fps.isEmpty() ? 0 : fps.get(fps.size() / 2), paintFps.isEmpty() ? 0 : paintFps.get(0), edtShare * 100);
            System.out.println(row);
            return row;
        } finally {
            clients.forEach(CallClient::close);
            SwingUtilities.invokeAndWait(() -> windows.forEach(JFrame::dispose));
        }
    }
}
