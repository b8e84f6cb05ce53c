package dev.parley.engine.testing;

import dev.parley.engine.VideoFrame;
import dev.parley.engine.internal.rtc.PatternFrame;

/**
 * Native video frames with Parley's test pattern, for benchmarks and tests of video sinks and
 * renderers: the same kind of frame a remote track delivers (an I420 buffer converted by
 * libyuv), without a call. {@link #frame()} is valid until {@link #close()}; {@link #advance()}
 * draws the next picture (the moving block and the counter change).
 *
 * <p>Threading: not thread safe; use from one thread at a time.
 */
public final class TestFrames implements AutoCloseable {

    private final PatternFrame frame;
    private boolean closed;

    private TestFrames(int width, int height) {
        frame = new PatternFrame(width, height);
    }

    /** A {@code width} x {@code height} (both even) test-pattern frame. */
    public static TestFrames pattern(int width, int height) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("width and height must be positive and even, were " + width + "x" + height);
        }
        return new TestFrames(width, height);
    }

    /** The frame; valid until {@link #close()}. */
    public VideoFrame frame() {
        requireOpen();
        return frame.frame();
    }

    /** Draws the next picture of the pattern into the frame. */
    public void advance() {
        requireOpen();
        frame.advance();
    }

    /** Releases the native buffer. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        frame.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("these TestFrames are closed");
        }
    }
}
