package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ScreenCapture;
import dev.parley.engine.ScreenSource;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoFrame;
import dev.parley.engine.VideoSink;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.testing.TestPatterns;
import dev.parley.engine.testing.Waits;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.Timer;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Screen sharing through a real call: a window painted in four known colours with a moving
 * marker is shared on Alice's video track, and Bob's decoded frames show those colours in
 * those quadrants and the marker moving; stopping the share brings the test pattern back on
 * the same track, and a shared window that closes ends the capture.
 */
class ScreenShareTest extends GuiTest {

    static final int[] QUADRANTS = {0xE02020, 0x20C040, 0x2040E0, 0xE0D020}; // top-left, top-right, bottom-left, bottom-right
    private static final long ALICE = 9301;
    private static final long BOB = 9302;
    private static final int TOLERANCE = 40;

    private JFrame shared;

    @AfterEach
    void closeSharedWindow() {
        if (shared != null) {
            GuiActionRunner.execute(shared::dispose);
        }
    }

    @Test
    void aSharedWindowArrivesWithItsColoursInPlaceAndItsMarkerMovingAndStoppingBringsTheCameraBack() {
        String title = "Parley share test " + System.nanoTime();
        shared = quadrantWindow(title);
        ScreenSource source = Waits.untilPresent(() -> ScreenCapture.sources().stream()
                .filter(s -> s.title().equals(title)).findFirst(), Duration.ofSeconds(5), () -> "the window listed");
        assertThat(source.kind()).isEqualTo(ScreenSource.Kind.WINDOW);
        assertThat(ScreenCapture.sources()).anyMatch(s -> s.kind() == ScreenSource.Kind.SCREEN);

        calls.client(ALICE);
        calls.client(BOB);
        calls.autoAccept(BOB, Map.of());
        CallSession call = calls.call(ALICE, List.of(BOB), ConferenceType.VIDEO, Map.of());
        calls.log(ALICE).awaitEvent("connectedToUser " + BOB);
        CallSession atBob = calls.received(BOB);
        Probe probe = new Probe();
        VideoTrack fromAlice = Waits.untilPresent(() -> atBob.remoteVideoTrack(ALICE), Duration.ofSeconds(10),
                () -> "Alice's video at Bob");
        fromAlice.addSink(probe);
        Waits.until(() -> probe.pattern(), Duration.ofSeconds(10), () -> "the test pattern first");

        ScreenCapture screen = new ScreenCapture(source, 15);
        call.localMediaStream().videoTrack().setVideoCapture(screen);
        Waits.until(() -> probe.quadrantsMatch(), Duration.ofSeconds(10),
                () -> "Bob to see the four quadrants; last frame " + probe.describe());
        int firstMarker = probe.markerX();
        int frames = probe.frames.get();
        long t0 = System.nanoTime();
        Waits.until(() -> Math.abs(probe.markerX() - firstMarker) > 20, Duration.ofSeconds(5),
                () -> "the marker to move at Bob (still at x=" + firstMarker + ")");
        Waits.until(() -> System.nanoTime() - t0 > 2_000_000_000L, Duration.ofSeconds(3), () -> "2 s of frames");
        double fps = (probe.frames.get() - frames) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("shared window received at %dx%d, %.1f fps%n", probe.width, probe.height, fps);
        assertThat(fps).as("frames per second received").isGreaterThan(5);
        assertThat(call.state()).hasToString("CONNECTED");

        call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        assertThat(screen.isClosed()).as("the replaced screen capture is closed by its track").isTrue();
        Waits.until(() -> probe.pattern(), Duration.ofSeconds(10), () -> "the test pattern back at Bob");
        assertThat(atBob.remoteVideoTrack(ALICE)).containsSame(fromAlice);
    }

    @Test
    void aSharedWindowThatClosesEndsTheCaptureWithAnEvent() {
        String title = "Parley closing test " + System.nanoTime();
        shared = quadrantWindow(title);
        ScreenSource source = Waits.untilPresent(() -> ScreenCapture.sources().stream()
                .filter(s -> s.title().equals(title)).findFirst(), Duration.ofSeconds(5), () -> "the window listed");
        try (ScreenCapture screen = new ScreenCapture(source, 10)) {
            AtomicInteger ends = new AtomicInteger();
            screen.addEndListener(ends::incrementAndGet);
            screen.startSession();
            GuiActionRunner.execute(shared::dispose);
            Waits.until(() -> ends.get() == 1, Duration.ofSeconds(3), () -> "the end event");
            assertThat(screen.isEnded()).isTrue();
        }
    }

    /** A window painted in {@link #QUADRANTS}, with a white marker sweeping across its middle. */
    static JFrame quadrantWindow(String title) {
        return quadrantWindow(title, 640, 480);
    }

    /** {@link #quadrantWindow(String)} with content of {@code width} x {@code height}. */
    static JFrame quadrantWindow(String title, int width, int height) {
        return GuiActionRunner.execute(() -> {
            JFrame frame = new JFrame(title);
            AtomicInteger step = new AtomicInteger();
            JComponent canvas = new JComponent() {
                @Override
                protected void paintComponent(Graphics g) {
                    int w = getWidth();
                    int h = getHeight();
                    for (int q = 0; q < 4; q++) {
                        g.setColor(new Color(QUADRANTS[q]));
                        g.fillRect(q % 2 * w / 2, q / 2 * h / 2, w / 2 + 1, h / 2 + 1);
                    }
                    g.setColor(Color.WHITE);
                    int x = (step.get() * 12) % (w - 40);
                    g.fillRect(x, h / 2 - 20, 40, 40);
                }
            };
            canvas.setPreferredSize(new Dimension(width, height));
            frame.setContentPane(canvas);
            frame.pack();
            frame.setLocation(200, 150);
            frame.setVisible(true);
            new Timer(40, e -> {
                step.incrementAndGet();
                canvas.repaint();
            }).start();
            return frame;
        });
    }

    /** Keeps Bob's last decoded frame as pixels. */
    private static final class Probe implements VideoSink {
        final AtomicInteger frames = new AtomicInteger();
        private ByteBuffer argb;
        private int[] pixels;
        volatile int width;
        volatile int height;

        @Override
        public synchronized void onFrame(VideoFrame frame) {
            frames.incrementAndGet();
            int needed = frame.width() * frame.height() * 4;
            if (argb == null || argb.capacity() < needed) {
                argb = ByteBuffer.allocateDirect(needed).order(ByteOrder.LITTLE_ENDIAN);
            }
            argb.clear();
            frame.convertToArgb(argb);
            int[] next = new int[frame.width() * frame.height()];
            argb.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(next);
            pixels = next;
            width = frame.width();
            height = frame.height();
        }

        synchronized int rgb(int x, int y) {
            return pixels[y * width + x] & 0xFFFFFF;
        }

        synchronized boolean pattern() {
            return pixels != null && TestPatterns.barMismatches((x, y) -> pixels[y * width + x], 0, 0, width, height,
                    TOLERANCE).isEmpty();
        }

        /** Each quadrant's colour a quarter in from its corner (away from the marker's sweep). */
        synchronized boolean quadrantsMatch() {
            if (pixels == null) {
                return false;
            }
            for (int q = 0; q < 4; q++) {
                int x = width / 4 + q % 2 * width / 2;
                int y = height / 8 + q / 2 * height * 3 / 4;
                if (!TestPatterns.close(QUADRANTS[q], rgb(x, y), TOLERANCE)) {
                    return false;
                }
            }
            return true;
        }

        /** The x of the marker's centre along the middle row, or -1. */
        synchronized int markerX() {
            if (pixels == null) {
                return -1;
            }
            int y = height / 2;
            int sum = 0;
            int count = 0;
            for (int x = 0; x < width; x++) {
                if (TestPatterns.close(0xFFFFFF, rgb(x, y), TOLERANCE)) {
                    sum += x;
                    count++;
                }
            }
            return count == 0 ? -1 : sum / count;
        }

        synchronized String describe() {
            if (pixels == null) {
                return "none";
            }
            StringBuilder s = new StringBuilder(width + "x" + height + ":");
            for (int q = 0; q < 4; q++) {
                int x = width / 4 + q % 2 * width / 2;
                int y = height / 8 + q / 2 * height * 3 / 4;
                s.append(String.format(" q%d=%06X", q, rgb(x, y)));
            }
            return s.toString();
        }
    }
}
