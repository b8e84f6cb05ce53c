package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.parley.engine.VideoFrame;

/**
 * Not API. One native I420 frame with the test pattern drawn into it, redrawn on demand: what
 * the testing package's {@code TestFrames} hands out.
 *
 * <p>Threading: not thread safe.
 */
public final class PatternFrame implements AutoCloseable {

    private final TestPattern pattern;
    private final NativeI420Buffer buffer;
    private final dev.onvoid.webrtc.media.video.VideoFrame nativeFrame;
    private final NativeFrame frame;
    private long frameNumber;
    private boolean closed;

    /** A {@code width} x {@code height} frame (both even) with the pattern's first picture. */
    public PatternFrame(int width, int height) {
        NativeLibrary.load();
        pattern = new TestPattern(width, height);
        buffer = NativeI420Buffer.allocate(width, height);
        nativeFrame = new dev.onvoid.webrtc.media.video.VideoFrame(buffer, System.nanoTime());
        frame = new NativeFrame(nativeFrame);
        advance();
    }

    public VideoFrame frame() {
        return frame;
    }

    /** Draws the next picture (the moving block and the counter change). */
    public void advance() {
        pattern.draw(frameNumber++, buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(), buffer.getStrideU(),
                buffer.getDataV(), buffer.getStrideV());
    }

    /** Releases the native buffer. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        frame.invalidate();
        nativeFrame.release();
    }
}
