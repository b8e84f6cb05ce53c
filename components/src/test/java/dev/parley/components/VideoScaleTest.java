package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.VideoTrack;
import dev.parley.engine.testing.TestPatterns;
import dev.parley.engine.testing.Waits;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * Frames are converted at the device pixels a view covers, not at the stream's size: a view of
 * about 200x150 showing a 640x480 call converts frames of its own size in the main test run
 * (100 %) and of twice its size in the {@code hidpi-tests} run (200 %), and the bars still show
 * where they should.
 */
class VideoScaleTest extends GuiTest {

    @Test
    void aViewSmallerThanTheStreamConvertsFramesAtItsDevicePixelsAndStillShowsTheBars() {
        VideoTrack track = patternTrack();
        RemoteVideoView[] view = new RemoteVideoView[1];
        show(() -> {
            view[0] = new RemoteVideoView();
            view[0].setPreferredSize(new Dimension(200, 150));
            view[0].setVideoTrack(track);
            return view[0];
        }, 240, 210);
        double device = GuiActionRunner.execute(() -> view[0].getGraphicsConfiguration().getDefaultTransform().getScaleX());
        Dimension size = GuiActionRunner.execute(() -> view[0].getSize());
        // the smallest even size with the stream's aspect that covers the view's device pixels
        double scale = Math.max(Math.ceil(size.width * device) / 640, Math.ceil(size.height * device) / 480);
        assertThat(scale).as("the view (%s at %.0f %%) is smaller than the stream", size, device * 100).isLessThan(1);
        Dimension expected = new Dimension((int) Math.ceil(640 * scale) + 1 & ~1, (int) Math.ceil(480 * scale) + 1 & ~1);
        Waits.until(() -> expected.equals(GuiActionRunner.execute(() -> view[0].convertedSize())), Duration.ofSeconds(10),
                () -> "frames converted at " + expected + " (device scale " + device + "), are "
                        + GuiActionRunner.execute(() -> view[0].convertedSize()));
        assertThat(GuiActionRunner.execute(() -> view[0].videoSize())).contains(new Dimension(640, 480));
        robot.waitForIdle();
        BufferedImage shot = capture(view[0]);
        assertThat(TestPatterns.barMismatches(shot::getRGB, 0, 0, shot.getWidth(), shot.getHeight(), 48)).isEmpty();
    }
}
