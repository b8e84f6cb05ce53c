package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.testing.TestPatterns;
import dev.parley.engine.testing.Waits;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** RemoteVideoView on a real call's remote track, checked on the screen's pixels. */
class RemoteVideoViewTest extends GuiTest {

    private RemoteVideoView view;

    private VideoTrack aliceVideoAtBob() {
        return patternTrack();
    }

    private void showView(int width, int height, ContentMode mode) {
        show(() -> {
            view = new RemoteVideoView();
            view.setContentMode(mode);
            view.setParticipantName("Alice Example");
            view.setPreferredSize(new java.awt.Dimension(width, height));
            return view;
        }, width + 40, height + 60);
    }

    private void awaitVideo() {
        Waits.until(() -> GuiActionRunner.execute(view::isShowingVideo), Duration.ofSeconds(10), () -> "video in the view");
        robot.waitForIdle();
    }

    @Test
    void showsTheCallersTestPatternBars() {
        VideoTrack track = aliceVideoAtBob();
        showView(640, 480, ContentMode.ASPECT_FIT);

        GuiActionRunner.execute(() -> view.setVideoTrack(track));
        awaitVideo();

        BufferedImage shot = capture(view);
        assertThat(barMismatches(shot, 0, shot.getWidth())).isEmpty();
    }

    @Test
    void aspectFitLetterboxesAWideViewAndAspectFillLeavesNoBackground() {
        VideoTrack track = aliceVideoAtBob();
        showView(640, 240, ContentMode.ASPECT_FIT);
        GuiActionRunner.execute(() -> view.setVideoTrack(track));
        awaitVideo();
        int background = rgb("Parley.video.background");

        BufferedImage fit = capture(view);
        int width = fit.getWidth();
        int height = fit.getHeight();
        int pictureWidth = height * 4 / 3; // a 4:3 picture in a wider view: full height, centred
        int left = (width - pictureWidth) / 2;
        assertThat(left).isGreaterThan(100);
        assertThat(fit.getRGB(left / 2, height / 2) & 0xFFFFFF).isEqualTo(background);
        assertThat(fit.getRGB(width - left / 2, height / 2) & 0xFFFFFF).isEqualTo(background);
        assertThat(barMismatches(fit, left, pictureWidth)).isEmpty();

        GuiActionRunner.execute(() -> view.setContentMode(ContentMode.ASPECT_FILL));
        robot.waitForIdle();
        BufferedImage fill = capture(view);
        // filled: full width, the middle rows cropped; no background anywhere, bars across the whole width
        for (int x = 2; x < width - 2; x += width / 9) {
            for (int y : new int[] {1, height / 2, height - 2}) {
                assertThat(fill.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isNotEqualTo(background);
            }
        }
        assertThat(barMismatches(fill, 0, width)).isEmpty();
    }

    @Test
    void placeholderShowsTheNameWithoutATrackAndSaysPausedWhenTheSenderTurnsVideoOff() {
        VideoTrack track = aliceVideoAtBob();
        showView(480, 360, ContentMode.ASPECT_FIT);
        int placeholder = rgb("Parley.video.placeholderBackground");
        int avatar = rgb("Parley.video.avatarBackground");

        BufferedImage empty = capture(view);
        assertThat(GuiActionRunner.execute(view::isShowingVideo)).isFalse();
        assertThat(GuiActionRunner.execute(view::placeholderText)).isEqualTo("No video");
        assertThat(empty.getRGB(10, 10) & 0xFFFFFF).isEqualTo(placeholder);
        int avatarSize = GuiActionRunner.execute(() -> Theme.size("Parley.incoming.avatarWidth"));
        int circleTop = empty.getHeight() / 2 - avatarSize / 3 - avatarSize / 2;
        assertThat(close(avatar, empty.getRGB(empty.getWidth() / 2, circleTop + 4) & 0xFFFFFF, 2))
                .as("the initials' circle").isTrue();

        GuiActionRunner.execute(() -> view.setVideoTrack(track));
        awaitVideo();
        CallSession alice = calls.existing(111).sessions().get(0);
        alice.localMediaStream().videoTrack().setEnabled(false);

        Waits.until(() -> !GuiActionRunner.execute(view::isShowingVideo), Duration.ofSeconds(10),
                () -> "the view to notice black video");
        assertThat(GuiActionRunner.execute(view::placeholderText)).isEqualTo("Video paused");
        Waits.until(() -> (capture(view).getRGB(10, 10) & 0xFFFFFF) == placeholder, Duration.ofSeconds(2),
                () -> "the placeholder on screen");

        alice.localMediaStream().videoTrack().setEnabled(true);
        awaitVideo();
    }

    @Test
    void aHiddenViewStopsReceivingFrames() {
        VideoTrack track = aliceVideoAtBob();
        showView(320, 240, ContentMode.ASPECT_FIT);
        GuiActionRunner.execute(() -> view.setVideoTrack(track));
        awaitVideo();
        assertThat(GuiActionRunner.execute(view::isReceivingFrames)).isTrue();

        GuiActionRunner.execute(() -> view.setVisible(false));

        assertThat(GuiActionRunner.execute(view::isReceivingFrames)).isFalse();
        GuiActionRunner.execute(() -> view.setVisible(true));
        assertThat(GuiActionRunner.execute(view::isReceivingFrames)).isTrue();
    }

    /** Bars of the test pattern that are not where they should be, in the span x0..x0+width at a third of the height. */
    static List<String> barMismatches(BufferedImage shot, int x0, int width) {
        return TestPatterns.barMismatches(shot::getRGB, x0, 0, width, shot.getHeight(), 48);
    }
}
