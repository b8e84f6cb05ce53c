package dev.parley.engine;

import java.nio.ByteBuffer;

/**
 * One decoded or captured video frame, handed to a {@link VideoSink}. The frame is valid only
 * during the {@link VideoSink#onFrame} call that received it: copy or convert what you need
 * before returning.
 *
 * <p>Threading: use only on the thread that delivered it, during the callback.
 */
public interface VideoFrame {

    /** Width in pixels, before rotation. */
    int width();

    /** Height in pixels, before rotation. */
    int height();

    /** Clockwise rotation the frame must be shown with: 0, 90, 180 or 270. */
    int rotation();

    /** Capture time in nanoseconds, on the capture side's monotonic clock. */
    long timestampNanos();

    /**
     * Converts the frame to 32-bit pixels with libyuv, row by row without padding, into
     * {@code target} from its position 0. Each pixel is written little-endian, so
     * {@code target.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()} reads {@code 0xAARRGGBB}
     * integers as {@link java.awt.image.BufferedImage#TYPE_INT_RGB} expects.
     *
     * @param target a direct buffer of at least {@code width() * height() * 4} bytes
     * @throws IllegalArgumentException if the buffer is not direct or too small
     * @throws IllegalStateException if called after the callback returned
     */
    void convertToArgb(ByteBuffer target);

    /**
     * Converts the frame with libyuv into {@code target}, packed {@code 0xAARRGGBB} pixels row by
     * row: the raster of a {@link java.awt.image.BufferedImage#TYPE_INT_RGB} image of the frame's
     * size. This is the fastest way to an image to paint: the conversion runs in bands that stay
     * in the CPU cache.
     *
     * @param target an array of at least {@code width() * height()} pixels
     * @throws IllegalArgumentException if the array is too small
     * @throws IllegalStateException if called after the callback returned
     */
    void convertToArgb(int[] target);

    /**
     * Scales the frame with libyuv to {@code targetWidth} x {@code targetHeight} (the whole
     * picture, aspect as given) and converts it like {@link #convertToArgb(int[])}: for a tile
     * smaller than the stream, converting at the tile's size costs less than converting at the
     * stream's and scaling when painting. At the frame's own size it is
     * {@link #convertToArgb(int[])}.
     *
     * @param target an array of at least {@code targetWidth * targetHeight} pixels
     * @throws IllegalArgumentException if a size is not positive or the array is too small
     * @throws UnsupportedOperationException if this frame cannot scale (a frame of a foreign
     *     implementation asked for another size)
     * @throws IllegalStateException if called after the callback returned
     */
    default void convertToArgb(int[] target, int targetWidth, int targetHeight) {
        if (targetWidth == width() && targetHeight == height()) {
            convertToArgb(target);
            return;
        }
        throw new UnsupportedOperationException(getClass().getName() + " cannot scale " + width() + "x" + height()
                + " to " + targetWidth + "x" + targetHeight);
    }
}
