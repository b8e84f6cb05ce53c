package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.testing.TestPatterns;
import dev.parley.engine.testing.Waits;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The local preview shows the local test pattern, mirrored by default, and "Camera off" when disabled. */
class LocalVideoPanelTest extends GuiTest {

    private LocalVideoPanel panel;

    @Test
    void previewIsMirroredByDefaultAndShowsCameraOffWhenDisabled() {
        calls.client(111);
        calls.client(222);
        CallSession call = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        show(() -> {
            panel = new LocalVideoPanel();
            panel.setContentMode(ContentMode.ASPECT_FIT);
            panel.setPreferredSize(new java.awt.Dimension(480, 360));
            panel.setVideoTrack(call.localMediaStream().videoTrack());
            return panel;
        }, 520, 420);
        Waits.until(() -> GuiActionRunner.execute(panel::isShowingVideo), Duration.ofSeconds(10), () -> "the preview");
        robot.waitForIdle();

        // mirrored: the first bar (white) is on the right, the last (black) on the left
        BufferedImage mirrored = capture(panel);
        int width = mirrored.getWidth();
        int pictureWidth = Math.min(width, mirrored.getHeight() * 4 / 3);
        int left = (width - pictureWidth) / 2;
        // read right to left, the mirrored picture shows the bars in their order
        assertThat(TestPatterns.barMismatches((x, y) -> mirrored.getRGB(2 * left + pictureWidth - 1 - x, y), left, 0,
                pictureWidth, mirrored.getHeight(), 48)).isEmpty();

        GuiActionRunner.execute(() -> panel.setMirrored(false));
        robot.waitForIdle();
        assertThat(RemoteVideoViewTest.barMismatches(capture(panel), left, pictureWidth)).isEmpty();

        call.localMediaStream().videoTrack().setEnabled(false);
        int placeholder = rgb("Parley.video.placeholderBackground");
        Waits.until(() -> (capture(panel).getRGB(5, 5) & 0xFFFFFF) == placeholder, Duration.ofSeconds(3),
                () -> "'Camera off' on screen");
        assertThat(GuiActionRunner.execute(panel::isShowingVideo)).isFalse();
    }
}
