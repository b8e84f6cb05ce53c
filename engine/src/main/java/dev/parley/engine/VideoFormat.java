package dev.parley.engine;

import java.util.Objects;

/**
 * The size, frame rate and pixel layout a video capture is asked to deliver, as QuickBlox's
 * {@code QBRTCVideoFormat}.
 *
 * <p>Threading: immutable.
 *
 * @param width frame width in pixels, even, 2 to 4096
 * @param height frame height in pixels, even, 2 to 4096
 * @param frameRate frames per second, 1 to 60
 * @param pixelFormat the pixel layout
 */
public record VideoFormat(int width, int height, int frameRate, PixelFormat pixelFormat) {

    /** 640x480 at 30 frames per second, {@link PixelFormat#FORMAT_420F}: the QuickBlox default. */
    public static final VideoFormat DEFAULT = new VideoFormat(640, 480, 30, PixelFormat.FORMAT_420F);

    /**
     * Validates the format.
     *
     * @throws IllegalArgumentException when a dimension is odd or out of range, or the frame
     *     rate is outside 1 to 60
     */
    public VideoFormat {
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        if (width < 2 || width > 4096 || width % 2 != 0 || height < 2 || height > 4096 || height % 2 != 0) {
            throw new IllegalArgumentException("video size " + width + "x" + height
                    + " is not supported: use even dimensions from 2 to 4096, such as 640x480");
        }
        if (frameRate < 1 || frameRate > 60) {
            throw new IllegalArgumentException("frame rate " + frameRate + " is not supported: use 1 to 60");
        }
    }

    /** Returns e.g. {@code 640x480@30}. */
    @Override
    public String toString() {
        return width + "x" + height + "@" + frameRate + " " + pixelFormat;
    }
}
