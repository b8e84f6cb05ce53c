package dev.parley.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.bench.BenchTable;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntBinaryOperator;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Glass-to-glass latency of a Parley 1:1 video call on loopback, from the moment a test-pattern
 * frame is captured to the moment a {@link RemoteVideoView} has painted it. The pattern carries
 * its frame number as 16 binary cells; Alice's local preview sink notes when each number was
 * captured, and Bob's view, after each paint, reads the number from the image it painted. Both
 * clients run in this JVM on one clock (in-process signaling, real WebRTC: VP8 encode, loopback
 * UDP, decode, libyuv, Swing paint under the display's 60 Hz tick). What is not in the figure:
 * the screen's own scan-out (Xvfb has none). The same measure follows for the QuickBlox JS SDK
 * in two pages of headless Chromium ({@link #chromium}). Run with
 * {@code bash src/scripts/bench-glass.sh [FRAMES]}.
 */
public final class GlassToGlassBenchmark {

    // not WIDTH and HEIGHT: inside a component those names are ImageObserver's flags
    private static final int STREAM_WIDTH = 640;
    private static final int STREAM_HEIGHT = 480;
    private static final int BITS = 16;

    private GlassToGlassBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : BenchTable.smokeOr(30, 450);
        FlatLightLaf.setup();
        Map<Integer, Long> captured = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (CallHarness calls = CallHarness.onEdt()) {
            calls.client(111);
            calls.client(222);
            calls.autoAccept(222, Map.of());
            CallSession call = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
            CallSession atBob = calls.received(222);
            VideoTrack alice = Waits.untilPresent(() -> atBob.remoteVideoTrack(111), Duration.ofSeconds(15),
                    () -> "Alice's video at Bob");
            ByteBuffer argb = ByteBuffer.allocateDirect(STREAM_WIDTH * STREAM_HEIGHT * 4).order(ByteOrder.LITTLE_ENDIAN);
            call.localMediaStream().videoTrack().addSink(frame -> {
                long at = System.nanoTime();
                frame.convertToArgb(argb);
                int width = frame.width();
                captured.putIfAbsent(counter((x, y) -> argb.getInt((y * width + x) * 4), width, frame.height()), at);
            });
            int[] last = {-1};
            boolean[] measuring = {false};
            RemoteVideoView[] view = new RemoteVideoView[1];
            JFrame[] window = new JFrame[1];
            SwingUtilities.invokeAndWait(() -> {
                view[0] = new RemoteVideoView() {
                    @Override
                    protected void paintComponent(Graphics g) {
                        super.paintComponent(g);
                        BufferedImage image = shownImage();
                        if (image == null || !measuring[0]) {
                            return;
                        }
                        long now = System.nanoTime();
                        int n = counter(scaled(image), STREAM_WIDTH, STREAM_HEIGHT);
                        Long at = captured.get(n);
                        if (n != last[0] && at != null) {
                            latencies.add(now - at);
                        }
                        last[0] = n;
                    }
                };
                view[0].setPreferredSize(new Dimension(STREAM_WIDTH, STREAM_HEIGHT));
                view[0].setVideoTrack(alice);
                window[0] = new JFrame("glass to glass");
                window[0].add(view[0]);
                window[0].pack();
                window[0].setVisible(true);
            });
            Thread.sleep(BenchTable.smokeOr(1000, 3000)); // warm-up: encoder ramp-up, first key frame, JIT
            SwingUtilities.invokeAndWait(() -> measuring[0] = true);
            long deadline = System.nanoTime() + Duration.ofSeconds(wanted / 10 + 20).toNanos();
            while (latencies.size() < wanted && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            SwingUtilities.invokeAndWait(() -> {
                measuring[0] = false;
                window[0].dispose();
            });
            call.hangUp(Map.of());
        }
        List<Long> parley;
        synchronized (latencies) {
            parley = new ArrayList<>(latencies);
        }
        List<Long> chromium = chromium(wanted);
        Collections.sort(parley);
        Collections.sort(chromium);
        System.out.println();
        System.out.println("Glass to glass, 1:1 640x480@30 on loopback, capture to painted (Parley) or presented (Chromium)");
        System.out.println("<!-- bench:glass -->");
        System.out.println("| path | frames | p50 | p95 | max |");
        System.out.println("|---|---:|---:|---:|---:|");
        print("Parley -> Parley (RemoteVideoView)", parley);
        print("QuickBlox JS SDK -> QuickBlox JS SDK (Chromium " + chromiumVersion + ")", chromium);
        System.out.printf(Locale.ROOT, "| Parley / Chromium | | %.2f | **%.2f** | |%n", ms(parley, 0.50) / ms(chromium, 0.50),
                ms(parley, 0.95) / ms(chromium, 0.95));
        BenchTable.end("glass");
        System.exit(0);
    }

    private static String chromiumVersion = "?";

    private static void print(String path, List<Long> sorted) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", path, sorted.size(), ms(sorted, 0.50),
                ms(sorted, 0.95), ms(sorted, 1.0));
    }

    /**
     * The same measure between two pages of headless Chromium with the QuickBlox JS SDK over a
     * private Prosody: the caller's camera is a canvas carrying the same 16 frame-number cells
     * (drawn at 30 fps, each drawing time kept), and the callee reads the number of every frame
     * it presents (requestVideoFrameCallback); both pages share the machine's clock.
     */
    private static List<Long> chromium(int wanted) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Prosody prosody = Prosody.start();
                QuickBloxBrowser browser = QuickBloxBrowser.start(QuickBloxBrowser.FakeMicrophone.TONE, 30);
                QuickBloxBrowser.Peer alice = browser.open(prosody, 991);
                QuickBloxBrowser.Peer bob = browser.open(prosody, 992)) {
            chromiumVersion = browser.browserVersion();
            Duration wait = Duration.ofSeconds(30);
            alice.invoke("stampCamera", 30);
            alice.call(List.of(bob.userId()), 1, Map.of());
            bob.await("call", Map.of(), wait);
            bob.accept(Map.of());
            bob.await("remoteStream", Map.of("userId", alice.userId()), wait);
            Thread.sleep(BenchTable.smokeOr(1000, 3000));
            bob.invoke("watchStamps", alice.userId());
            Thread.sleep((wanted / 30 + 2) * 1000L);
            JsonNode sent = alice.invoke("stamps").path("sent");
            for (JsonNode seen : bob.invoke("stamps").path("seen")) {
                JsonNode at = sent.path(Integer.toString(seen.get(0).asInt()));
                if (at.isNumber()) {
                    latencies.add(Math.round((seen.get(1).asDouble() - at.asDouble()) * 1e6));
                }
            }
        }
        return latencies;
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Reads the pattern's frame number, drawn for a {@code width} x {@code height} frame, through {@code rgbAt}. */
    static int counter(IntBinaryOperator rgbAt, int width, int height) {
        int cell = Math.max(2, (width / (BITS * 2)) & ~1);
        int y = height - cell - 2 + cell / 2;
        int n = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int rgb = rgbAt.applyAsInt(2 + bit * cell * 2 + cell / 2, y);
            n = (n << 1) | (((rgb >> 8) & 0xFF) > 128 ? 1 : 0);
        }
        return n;
    }

    /** {@code image}'s pixels addressed in stream coordinates (the view may have converted at another size). */
    private static IntBinaryOperator scaled(BufferedImage image) {
        double sx = image.getWidth() / (double) STREAM_WIDTH;
        double sy = image.getHeight() / (double) STREAM_HEIGHT;
        return (x, y) -> image.getRGB(Math.min(image.getWidth() - 1, (int) (x * sx)),
                Math.min(image.getHeight() - 1, (int) (y * sy)));
    }
}
