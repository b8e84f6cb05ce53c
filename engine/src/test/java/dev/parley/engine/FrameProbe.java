package dev.parley.engine;

import dev.parley.engine.internal.TestPattern;
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
     */
    synchronized String patternMismatch(int tolerance) {
        if (lastPixels == null) {
            return "no frame";
        }
        StringBuilder problems = new StringBuilder();
        int bars = TestPattern.BAR_COLOURS.length;
        for (int bar = 0; bar < bars; bar++) {
            int x = (2 * bar + 1) * width / (2 * bars);
            int y = height / 3;
            int expected = TestPattern.BAR_COLOURS[bar];
            int actual = rgbAt(x, y);
            if (!close(expected, actual, tolerance)) {
                problems.append(String.format("bar %d at (%d,%d): expected %06X, got %06X; ", bar, x, y, expected, actual));
            }
        }
        return problems.toString();
    }

    static boolean close(int expected, int actual, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((expected >> shift) & 0xFF) - ((actual >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
