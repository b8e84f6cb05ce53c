package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.testing.Waits;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Screen capture without a call: the screen is listed, frames come at the asked rate and size
 * cap, and closing ends the thread and frees the native source; bad arguments are refused
 * before anything is opened. (Sharing in calls and windows: the components' ScreenShareTest.)
 */
class ScreenCaptureTest {

    @Test
    void theScreenIsCapturedAtTheRateAndCapAskedAndClosingFreesEverything() {
        if (GraphicsEnvironment.isHeadless()) {
            assertThat(ScreenCapture.sources()).isEmpty();
            assertThat(System.getenv("CI")).as("CI runs the tests with a display").isNotEqualTo("true");
            return;
        }
        Map<String, Integer> before = NativeTracker.snapshot();
        ScreenSource screen = ScreenCapture.sources().stream().filter(s -> s.kind() == ScreenSource.Kind.SCREEN)
                .findFirst().orElseThrow();
        try (ScreenCapture capture = new ScreenCapture(screen, 10, new Dimension(800, 600))) {
            assertThat(capture.format().width()).isLessThanOrEqualTo(800);
            assertThat(capture.format().height()).isLessThanOrEqualTo(600);
            assertThat(capture.format().frameRate()).isEqualTo(10);
            capture.startSession();
            Waits.until(() -> capture.framesCaptured() >= 5, Duration.ofSeconds(5), () -> "frames from the screen");
            long first = capture.framesCaptured();
            long t0 = System.nanoTime();
            Waits.until(() -> System.nanoTime() - t0 > 2_000_000_000L, Duration.ofSeconds(3), () -> "2 s");
            double fps = (capture.framesCaptured() - first) / ((System.nanoTime() - t0) / 1e9);
            assertThat(fps).as("frames per second at a cap of 10").isBetween(6.0, 11.0);
            assertThat(capture.isEnded()).isFalse();
        }
        Waits.until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("parley-screen-") && t.isAlive()), Duration.ofSeconds(3),
                () -> "the capture thread to end");
        assertThat(NativeTracker.snapshot()).isEqualTo(before);
    }

    @Test
    void badArgumentsAreRefusedClearly() {
        ScreenSource nowhere = new ScreenSource("screen:9", "Screen 9", ScreenSource.Kind.SCREEN,
                new Rectangle(0, 0, 640, 480));
        assertThatThrownBy(() -> new ScreenCapture(nowhere, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame rate 0");
        assertThatThrownBy(() -> new ScreenCapture(nowhere, 15, new Dimension(8, 8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
    }
}
