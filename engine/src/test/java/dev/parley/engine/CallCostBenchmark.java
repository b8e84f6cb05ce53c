package dev.parley.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.bench.BenchTable;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.QuickBloxBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one 1:1 640x480@30 video call costs, Parley against the QuickBlox JS SDK in Chromium, in
 * one run on one machine, both over the same private Prosody:
 * <ul>
 * <li>Parley: two {@link PeerProcess} JVMs (the test pattern, 640x480@30, headless audio), one
 *     calling the other; CPU seconds of each process per call-minute and its memory (PSS, so
 *     that pages shared between processes count once).
 * <li>Chromium: two pages of one headless Chromium (Debian's), each with the QuickBlox JS SDK
 *     2.23.0 and a fake camera at 30 fps, one calling the other; CPU and PSS of the whole browser
 *     (every Chromium process under the driver), halved for one side.
 * </ul>
 * Headless Chromium composites nothing on a screen (no GPU, no display): a visible browser
 * would spend more per side. Run with {@code bash src/scripts/bench-call-cost.sh [SECONDS]}.
 */
public final class CallCostBenchmark {

    private static final long ALICE = 881;
    private static final long BOB = 882;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private CallCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : BenchTable.smokeOr(3, 60);
        double[] parley;
        double[] chromium;
        String version;
        try (Prosody prosody = Prosody.start()) {
            parley = parley(prosody, seconds);
            try (QuickBloxBrowser browser = QuickBloxBrowser.start(QuickBloxBrowser.FakeMicrophone.TONE, 30)) {
                version = browser.browserVersion();
                chromium = chromium(prosody, browser, seconds);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "1:1 video call, 640x480 at 30 fps, loopback through Prosody, %d s measured after"
                + " 5 s; %d cores%n", seconds, Runtime.getRuntime().availableProcessors());
        System.out.println("<!-- bench:call-cost -->");
        System.out.println("| side | CPU s per call-minute (caller / callee) | memory PSS MiB (caller / callee) |"
                + " received video |");
        System.out.println("|---|---:|---:|---|");
        System.out.printf(Locale.ROOT, "| Parley (two JVMs) | %.1f / %.1f | %.0f / %.0f | %s |%n", parley[0], parley[1],
                parley[2], parley[3], received(parley[4], parley[5], parley[6]));
        System.out.printf(Locale.ROOT, "| QuickBlox JS SDK, Chromium %s (two pages, halved) | %.1f / %.1f | %.0f / %.0f"
                + " | %s |%n", version, chromium[0], chromium[1], chromium[2], chromium[3],
                received(chromium[4], chromium[5], chromium[6]));
        System.out.printf(Locale.ROOT, "| Parley / Chromium CPU | %.2f | | |%n", (parley[0] + parley[1]) / (chromium[0] + chromium[1]));
        BenchTable.end("call-cost");
        System.exit(0);
    }

    private static String received(double width, double height, double fps) {
        return String.format(Locale.ROOT, "%.0fx%.0f at %.1f fps", width, height, fps);
    }

    /** {caller CPU, callee CPU, caller PSS, callee PSS, width, height, fps at the callee}. */
    private static double[] parley(Prosody prosody, int seconds) throws Exception {
        try (RemotePeer alice = RemotePeer.start(null, prosody, ALICE);
                RemotePeer bob = RemotePeer.start(null, prosody, BOB, "--auto-accept")) {
            alice.call(List.of(BOB), ConferenceType.VIDEO);
            alice.awaitEvent("connectedToUser " + BOB, WAIT);
            bob.awaitEvent("connectedToUser " + ALICE, WAIT);
            Thread.sleep(BenchTable.smokeOr(1000, 5000)); // past the start
            long aliceCpu = cpuNanos(alice.process());
            long bobCpu = cpuNanos(bob.process());
            long framesBefore = bob.frames(ALICE);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double wall = System.nanoTime() - start;
            double fps = (bob.frames(ALICE) - framesBefore) * 1e9 / wall;
            double perMinute = 60e9 / wall;
            double[] result = {(cpuNanos(alice.process()) - aliceCpu) / 1e9 * perMinute,
                (cpuNanos(bob.process()) - bobCpu) / 1e9 * perMinute, pssMiB(alice.process()), pssMiB(bob.process()),
                640, 480, fps};
            alice.hangUp();
            return result;
        }
    }

    /** The same for two pages of one browser: the browser's totals, halved. */
    private static double[] chromium(Prosody prosody, QuickBloxBrowser browser, int seconds) throws Exception {
        try (QuickBloxBrowser.Peer alice = browser.open(prosody, ALICE + 100);
                QuickBloxBrowser.Peer bob = browser.open(prosody, BOB + 100)) {
            alice.call(List.of(bob.userId()), 1, Map.of());
            bob.await("call", Map.of(), WAIT);
            bob.accept(Map.of());
            bob.await("connectionState", Map.of("userId", alice.userId(), "connected", true), WAIT);
            Thread.sleep(BenchTable.smokeOr(1000, 5000)); // past the start
            long cpu = cpuNanos(browser.process());
            JsonNode before = bob.remoteVideo(alice.userId());
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double wall = System.nanoTime() - start;
            JsonNode after = bob.remoteVideo(alice.userId());
            double perSide = (cpuNanos(browser.process()) - cpu) / 1e9 * 60e9 / wall / 2;
            double pss = pssMiB(browser.process()) / 2;
            double fps = (after.path("framesDecoded").asLong() - before.path("framesDecoded").asLong()) * 1e9 / wall;
            return new double[] {perSide, perSide, pss, pss, after.path("width").asDouble(),
                after.path("height").asDouble(), fps};
        }
    }

    /** CPU time of {@code process} and every process under it. */
    private static long cpuNanos(ProcessHandle process) {
        return tree(process).mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** Proportional set size of {@code process} and every process under it, MiB. */
    private static double pssMiB(ProcessHandle process) {
        return tree(process).mapToLong(CallCostBenchmark::pssKiB).sum() / 1024.0;
    }

    private static Stream<ProcessHandle> tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    private static long pssKiB(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .sum();
        } catch (IOException e) {
            return 0; // the process ended
        }
    }
}
