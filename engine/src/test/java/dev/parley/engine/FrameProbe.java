package dev.parley.engine;

import dev.parley.engine.testing.TestPatterns;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A video sink that counts frames and keeps the last one as ARGB pixels, converted with the
 * same libyuv path a view uses, so a test can look at what arrived.
 */
final class FrameProbe implements VideoSink {

    private final AtomicInteger frames = new AtomicInteger();
    private ByteBuffer argb;
    private int width;
    private int height;
    private int[] lastPixels;

    @Override
    public void onFrame(VideoFrame frame) {
        frames.incrementAndGet();
        synchronized (this) {
            int needed = frame.width() * frame.height() * 4;
            if (argb == null || argb.capacity() < needed) {
                argb = ByteBuffer.allocateDirect(needed).order(ByteOrder.LITTLE_ENDIAN);
            }
            frame.convertToArgb(argb);
            IntBuffer ints = argb.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            int[] pixels = new int[frame.width() * frame.height()];
            ints.get(pixels);
            width = frame.width();
            height = frame.height();
            lastPixels = pixels;
        }
    }

    int frames() {
        return frames.get();
    }

    synchronized int width() {
        return width;
    }

    synchronized int height() {
        return height;
    }

    /** The last frame's pixel at (x, y) as 0xRRGGBB. */
    synchronized int rgbAt(int x, int y) {
        return lastPixels[y * width + x] & 0xFFFFFF;
    }

    /**
     * Whether the last frame shows the test pattern's eight bars: the centre of each bar, a
     * third of the way down, is within {@code tolerance} per channel of the bar's colour.
     * Returns what is wrong, or "" when nothing is.
     */
    synchronized String patternMismatch(int tolerance) {
        if (lastPixels == null) {
            return "no frame";
        }
        return String.join("; ", TestPatterns.barMismatches((x, y) -> lastPixels[y * width + x], 0, 0, width, height,
                tolerance));
    }
}
