package dev.parley.engine;

/**
 * The pixel layout a capture produces, as QuickBlox's {@code QBRTCPixelFormat}. WebRTC encodes
 * I420, so both formats end up as I420 before they are sent.
 *
 * <p>Threading: immutable.
 */
public enum PixelFormat {
    /** Bi-planar 4:2:0 YUV, full range (QuickBlox's default, {@code .format420f}). */
    FORMAT_420F,
    /** 32-bit ARGB. */
    FORMAT_ARGB
}
