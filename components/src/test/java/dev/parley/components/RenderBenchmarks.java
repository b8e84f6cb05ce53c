package dev.parley.components;

import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoSink;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.bench.BenchTable;
import dev.parley.engine.testing.TestFrames;
import java.awt.AWTEvent;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics;
import java.awt.GridLayout;
import java.awt.Toolkit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The rendering benchmarks of issue 4, printed as tables: the frame path (JMH, see
 * {@link FramePathBenchmark}), then, on a real display, the EDT time per painted frame of a
 * 640x480 stream shown at 960x720 and the EDT's busy share with four views at 30 fps each.
 * Run with {@code bash src/scripts/bench-components.sh}.
 */
public final class RenderBenchmarks {

    private static final int SECONDS = BenchTable.smokeOr(1, 10);
    private static final int WARM_UP_MS = BenchTable.smokeOr(500, 2000);

    public static void main(String[] args) throws Exception {
        framePath();
        FlatLightLaf.setup();
        EdtClock edt = EdtClock.install();
        BenchTable.begin("edt", "measure", "value:");
        paintCost(edt);
        busyShare(edt);
        BenchTable.end("edt");
        System.exit(0);
    }

    private static void framePath() throws Exception {
        List<RunResult> results = new ArrayList<>(new Runner(framePathOptions(".*", "").build()).run());
        // the same path through webrtc-java's converter: what runs where Parley's native converter is missing
        List<RunResult> fallback = new ArrayList<>(new Runner(framePathOptions("\\.parley$",
                "-Dparley.video.nativeConverter=false").build()).run());
        System.out.println();
        System.out.println("Frame path, microseconds per frame (JMH average time, 1 fork, 5 x 1 s after 3 x 1 s warm-up);"
                + " bytes allocated per frame from JMH's GC profiler");
        BenchTable.begin("frame-path", "size", "floor:", "parley:", "parley / floor:", "parley B/frame:",
                "in a 480x270 tile:", "tile B/frame:", "without the native converter:", "per-frame BufferedImage:");
        for (String size : new String[] {"640x480", "1280x720", "1920x1080"}) {
            double floor = score(results, "floor", size);
            double parley = score(results, "parley", size);
            double tile = score(results, "parleyInTile", size);
            double naive = score(results, "perFrameBufferedImage", size);
            double java = score(fallback, "parley", size);
            BenchTable.row(size, BenchTable.fixed(floor, 1), BenchTable.fixed(parley, 1),
                    "**" + BenchTable.fixed(parley / floor, 2) + "**", BenchTable.fixed(allocated(results, "parley", size), 0),
                    BenchTable.fixed(tile, 1), BenchTable.fixed(allocated(results, "parleyInTile", size), 0),
                    BenchTable.fixed(java, 1) + " (" + BenchTable.fixed(java / floor, 2) + "x)",
                    BenchTable.fixed(naive, 1));
        }
        BenchTable.end("frame-path");
    }

    private static OptionsBuilder framePathOptions(String methods, String jvmArgument) {
        OptionsBuilder options = new OptionsBuilder();
        options.include(FramePathBenchmark.class.getName() + methods)
                .forks(1).warmupIterations(BenchTable.smokeOr(0, 3)).warmupTime(TimeValue.seconds(1))
                .measurementIterations(BenchTable.smokeOr(1, 5))
                .measurementTime(BenchTable.smoke() ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
                .addProfiler(GCProfiler.class);
        if (!jvmArgument.isEmpty()) {
            options.jvmArgsAppend(jvmArgument);
        }
        return options;
    }

    private static RunResult result(List<RunResult> results, String method, String size) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method) && r.getParams().getParam("size").equals(size))
                .findFirst().orElseThrow();
    }

    private static double score(List<RunResult> results, String method, String size) {
        return result(results, method, size).getPrimaryResult().getScore();
    }

    /** Bytes allocated per operation (JMH's {@code gc.alloc.rate.norm}), or NaN without the GC profiler. */
    private static double allocated(List<RunResult> results, String method, String size) {
        var secondary = result(results, method, size).getSecondaryResults().get("gc.alloc.rate.norm");
        return secondary == null ? Double.NaN : secondary.getScore();
    }

    /** EDT time per painted frame: one 640x480 stream at 30 fps in a 960x720 view. */
    private static void paintCost(EdtClock edt) throws Exception {
        List<Long> paints = Collections.synchronizedList(new ArrayList<>());
        try (FrameFeed feed = new FrameFeed(640, 480)) {
            JFrame frame = onEdt(() -> window(1, 960, 720, feed, paints));
            Thread.sleep(WARM_UP_MS);
            paints.clear();
            edt.reset();
            long start = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            long wall = System.nanoTime() - start;
            List<Long> sorted = new ArrayList<>(paints);
            Collections.sort(sorted);
            BenchTable.row("one 640x480 stream at 30 fps shown at 960x720: painted frames per second",
                    BenchTable.fixed(sorted.size() * 1e9 / wall, 1));
            BenchTable.row("`paintComponent` per painted frame, median / p95", BenchTable.fixed(sorted.get(sorted.size() / 2) / 1e3, 0)
                    + " µs / " + BenchTable.fixed(sorted.get((int) (sorted.size() * 0.95)) / 1e3, 0) + " µs");
            BenchTable.row("EDT busy per painted frame (all events: paint, display tick, repaint requests)",
                    BenchTable.fixed(edt.busyNanos() / 1e3 / Math.max(1, sorted.size()), 0) + " µs");
            onEdt(() -> {
                frame.dispose();
                return null;
            });
        }
    }

    /** The EDT's busy share with four views, each showing its own 640x480 stream at 30 fps. */
    private static void busyShare(EdtClock edt) throws Exception {
        List<Long> paints = new CopyOnWriteArrayList<>();
        try (FrameFeed feed = new FrameFeed(640, 480)) {
            JFrame frame = onEdt(() -> window(4, 960, 720, feed, paints));
            Thread.sleep(WARM_UP_MS);
            paints.clear();
            edt.reset();
            long start = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            long wall = System.nanoTime() - start;
            BenchTable.row("four views (2x2 in 960x720), each its own 640x480 stream at 30 fps: painted frames per second",
                    BenchTable.fixed(paints.size() * 1e9 / wall, 1));
            BenchTable.row("EDT busy share of one core with those four views (target ≤ 10 %)",
                    "**" + BenchTable.fixed(100.0 * edt.busyNanos() / wall, 1) + " %**");
            onEdt(() -> {
                frame.dispose();
                return null;
            });
        }
    }

    private static JFrame window(int views, int width, int height, FrameFeed feed, List<Long> paints) {
        JPanel grid = new JPanel(new GridLayout(views == 1 ? 1 : 2, views == 1 ? 1 : 2));
        for (int i = 0; i < views; i++) {
            RemoteVideoView view = new RemoteVideoView() {
                @Override
                protected void paintComponent(Graphics g) {
                    long t = System.nanoTime();
                    super.paintComponent(g);
                    paints.add(System.nanoTime() - t);
                }
            };
            view.setVideoTrack(feed.track());
            grid.add(view);
        }
        grid.setPreferredSize(new Dimension(width, height));
        JFrame frame = new JFrame("Parley render benchmark");
        frame.setContentPane(grid);
        frame.pack();
        frame.setVisible(true);
        return frame;
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> task) throws Exception {
        List<T> result = new ArrayList<>(1);
        List<Exception> failure = new ArrayList<>(1);
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.add(task.call());
            } catch (Exception e) {
                failure.add(e);
            }
        });
        if (!failure.isEmpty()) {
            throw failure.get(0);
        }
        return result.get(0);
    }

    /** Measures the time the EDT spends dispatching events. */
    static final class EdtClock extends EventQueue {
        private final AtomicLong busy = new AtomicLong();

        static EdtClock install() {
            EdtClock clock = new EdtClock();
            Toolkit.getDefaultToolkit().getSystemEventQueue().push(clock);
            return clock;
        }

        @Override
        protected void dispatchEvent(AWTEvent event) {
            long t = System.nanoTime();
            try {
                super.dispatchEvent(event);
            } finally {
                busy.addAndGet(System.nanoTime() - t);
            }
        }

        long busyNanos() {
            return busy.get();
        }

        void reset() {
            busy.set(0);
        }
    }

    /**
     * A video track that delivers a fresh test-pattern frame to every sink at 30 fps from its own
     * thread, as a remote track does from the media thread: each sink gets its own frames (a
     * stream per view).
     */
    static final class FrameFeed implements AutoCloseable {
        private final int width;
        private final int height;
        private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-frames");
            t.setDaemon(true);
            return t;
        });

        FrameFeed(int width, int height) {
            this.width = width;
            this.height = height;
        }

        VideoTrack track() {
            return new VideoTrack() {
                @Override
                public long userId() {
                    return 1;
                }

                @Override
                public boolean isEnabled() {
                    return true;
                }

                @Override
                public void setEnabled(boolean enabled) {
                }

                @Override
                public boolean isEnded() {
                    return false;
                }

                @Override
                public Subscription addSink(VideoSink sink) {
                    TestFrames frames = TestFrames.pattern(width, height);
                    var ticks = ticker.scheduleAtFixedRate(() -> {
                        synchronized (frames) {
                            frames.advance();
                            sink.onFrame(frames.frame());
                        }
                    }, 0, 1_000_000 / 30, TimeUnit.MICROSECONDS);
                    return () -> {
                        ticks.cancel(false);
                        synchronized (frames) {
                            frames.close();
                        }
                    };
                }
            };
        }

        @Override
        public void close() {
            ticker.shutdownNow();
        }
    }
}
