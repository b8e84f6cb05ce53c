package dev.parley.engine.bench;

import dev.parley.engine.ScreenCapture;
import dev.parley.engine.ScreenSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What sharing a whole screen costs: CPU time of the capture thread ({@code parley-screen-N}:
 * reading the screen and converting it to I420 with libyuv) per second, and the frames it
 * delivers, over 10 s after 2 s of warm-up, first with MIT-SHM (the fast path), then with AWT's
 * Robot; and the CPU time the X server (Xvfb) spends meanwhile, since copying the screen out
 * is its work. Encoding is not included (it depends on the call). Run with
 * {@code bash src/scripts/bench-screen.sh}, which gives it a 1920x1080 Xvfb screen.
 */
public final class ScreenCaptureBenchmark {

    private static final long WARM_UP_MS = BenchTable.smokeOr(500, 2_000);
    private static final long MEASURE_MS = BenchTable.smokeOr(1_000, 10_000);

    public static void main(String[] args) throws Exception {
        int fps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ScreenSource screen = ScreenCapture.sources().stream().filter(s -> s.kind() == ScreenSource.Kind.SCREEN)
                .findFirst().orElseThrow(() -> new IllegalStateException("no screen: run it under a display"));
        System.out.println();
        System.out.printf(Locale.ROOT, "Sharing the %dx%d screen at up to %d fps, capture + I420 conversion, %d s%n",
                screen.bounds().width, screen.bounds().height, fps, MEASURE_MS / 1000);
        BenchTable.begin("screen", "path", "fps:", "capture cores:", "X server cores:", "ms CPU per frame:");
        for (boolean robot : new boolean[] {false, true}) {
            System.setProperty("parley.screen.robot", Boolean.toString(robot));
            measure(robot ? "AWT Robot (portable fallback)" : "MIT-SHM through JNA (used on X11)", screen, fps);
        }
        BenchTable.end("screen");
        System.exit(0); // webrtc-java's native threads would otherwise keep the JVM alive
    }

    private static void measure(String name, ScreenSource screen, int fps) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ScreenCapture capture = new ScreenCapture(screen, fps)) {
            capture.startSession();
            Thread.sleep(WARM_UP_MS);
            Thread worker = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("parley-screen-") && t.isAlive())
                    .reduce((a, b) -> b.getId() > a.getId() ? b : a).orElseThrow();
            long cpu0 = threads.getThreadCpuTime(worker.getId());
            long server0 = xServerCpuNanos();
            long frames0 = capture.framesCaptured();
            long t0 = System.nanoTime();
            Thread.sleep(MEASURE_MS);
            long cpu = threads.getThreadCpuTime(worker.getId()) - cpu0;
            long server = xServerCpuNanos() - server0;
            long frames = capture.framesCaptured() - frames0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            BenchTable.row(name, BenchTable.fixed(frames / seconds, 1), BenchTable.fixed(cpu / 1e9 / seconds, 3),
                    BenchTable.fixed(server / 1e9 / seconds, 3), BenchTable.fixed((cpu + server) / 1e6 / Math.max(1, frames), 2));
        }
    }

    /** CPU time of the Xvfb serving this DISPLAY (user + system), from /proc. */
    private static long xServerCpuNanos() {
        String display = System.getenv("DISPLAY");
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String command = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (command.startsWith("Xvfb ") && command.contains(display + " ")) {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        return ticks * 10_000_000L; // USER_HZ = 100
                    }
                } catch (IOException e) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        throw new IllegalStateException("no Xvfb for DISPLAY " + display + ": run it with bench-screen.sh");
    }
}
