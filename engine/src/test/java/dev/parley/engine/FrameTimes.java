package dev.parley.engine;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A video sink that only notes when frames arrive (no pixel copies), so a test can ask how many
 * came, when the first one after some moment came, and at what rate they came in a window.
 * Keeps the arrival times of the last {@value #KEPT} frames.
 */
final class FrameTimes implements VideoSink {

    private static final int KEPT = 8192;

    private final long[] arrivals = new long[KEPT];
    private long count;
    private int width;
    private int height;

    @Override
    public synchronized void onFrame(VideoFrame frame) {
        arrivals[(int) (count % KEPT)] = System.nanoTime();
        count++;
        width = frame.width();
        height = frame.height();
    }

    /** The size of the last frame, as "WIDTHxHEIGHT". */
    synchronized String lastSize() {
        return width + "x" + height;
    }

    synchronized long frames() {
        return count;
    }

    /** When the first frame at or after {@code nanos} ({@link System#nanoTime()}) arrived, if one has. */
    synchronized OptionalLong firstAfter(long nanos) {
        return kept().filter(t -> t >= nanos).min();
    }

    /** Frames that arrived in [{@code fromNanos}, {@code toNanos}). */
    synchronized long between(long fromNanos, long toNanos) {
        return kept().filter(t -> t >= fromNanos && t < toNanos).count();
    }

    private java.util.stream.LongStream kept() {
        int n = (int) Math.min(count, KEPT);
        return Arrays.stream(arrivals, 0, n);
    }
}
