package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.testing.TestFrames;
import dev.parley.engine.testing.TestPatterns;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The frame path converts at the size the video is painted at: real libyuv frames of the test
 * pattern, scaled in I420 before the ARGB conversion, keep their colours and aspect; a view
 * larger than the stream, or one that has not painted yet, gets the stream's own size.
 */
class FrameRendererTest {

    @Test
    void aHdStreamInASmallTileIsConvertedAtTheTilesSizeWithItsBarsIntact() {
        FrameRenderer renderer = new FrameRenderer(() -> { });
        renderer.setDisplaySize(480, 270);
        try (TestFrames frames = TestFrames.pattern(1920, 1080)) {
            renderer.onFrame(frames.frame());
        }
        BufferedImage image = renderer.current();
        assertThat(new Dimension(image.getWidth(), image.getHeight())).isEqualTo(new Dimension(480, 270));
        assertThat(renderer.streamSize()).isEqualTo(new Dimension(1920, 1080));
        assertThat(TestPatterns.barMismatches(image::getRGB, 0, 0, image.getWidth(), image.getHeight(), 48)).isEmpty();
    }

    @Test
    void aTileOfAnotherAspectGetsTheSmallestSizeThatCoversItWithTheStreamsAspect() {
        FrameRenderer renderer = new FrameRenderer(() -> { });
        renderer.setDisplaySize(300, 300); // a square tile filled by a 16:9 stream: height decides
        try (TestFrames frames = TestFrames.pattern(1280, 720)) {
            renderer.onFrame(frames.frame());
        }
        BufferedImage image = renderer.current();
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(image.getWidth()).isBetween(532, 534);
    }

    @Test
    void aLargerViewOrOneNotPaintedYetGetsTheStreamsOwnSize() {
        FrameRenderer renderer = new FrameRenderer(() -> { });
        try (TestFrames frames = TestFrames.pattern(640, 480)) {
            renderer.onFrame(frames.frame());
            assertThat(renderer.current().getWidth()).isEqualTo(640);
            renderer.setDisplaySize(1920, 1080); // never scaled up
            frames.advance();
            renderer.onFrame(frames.frame());
        }
        BufferedImage image = renderer.current();
        assertThat(new Dimension(image.getWidth(), image.getHeight())).isEqualTo(new Dimension(640, 480));
        assertThat(TestPatterns.barMismatches(image::getRGB, 0, 0, 640, 480, 48)).isEmpty();
    }
}
