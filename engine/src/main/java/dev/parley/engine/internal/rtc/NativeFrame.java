package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.parley.engine.MediaException;
import dev.parley.engine.VideoFrame;
import java.nio.ByteBuffer;

/**
 * A Parley {@link VideoFrame} over a webrtc-java frame, valid until {@link #invalidate()}: the
 * owner of the native frame invalidates the view before it releases the frame.
 *
 * <p>Not API. Threading: used on the thread that delivers the frame.
 */
public final class NativeFrame implements VideoFrame {

    private final dev.onvoid.webrtc.media.video.VideoFrame frame;
    private volatile boolean valid = true;

    public NativeFrame(dev.onvoid.webrtc.media.video.VideoFrame frame) {
        this.frame = frame;
    }

    /** Ends the view's validity; later calls of {@link #convertToArgb} throw. */
    public void invalidate() {
        valid = false;
    }

    /** The webrtc-java buffer under this view (tests compare converters on it). */
    VideoFrameBuffer nativeBuffer() {
        return frame.buffer;
    }

    @Override
    public int width() {
        return frame.buffer.getWidth();
    }

    @Override
    public int height() {
        return frame.buffer.getHeight();
    }

    @Override
    public int rotation() {
        return frame.rotation;
    }

    @Override
    public long timestampNanos() {
        return frame.timestampNs;
    }

    @Override
    public void convertToArgb(int[] target) {
        if (!valid) {
            throw new IllegalStateException("a VideoFrame is valid only during the onFrame call that delivered it");
        }
        convertWhole(target);
    }

    @Override
    public void convertToArgb(int[] target, int targetWidth, int targetHeight) {
        if (!valid) {
            throw new IllegalStateException("a VideoFrame is valid only during the onFrame call that delivered it");
        }
        if (targetWidth <= 0 || targetHeight <= 0) {
            throw new IllegalArgumentException("target size " + targetWidth + "x" + targetHeight + " is not positive");
        }
        if (targetWidth == width() && targetHeight == height()) {
            convertWhole(target);
            return;
        }
        if (NativeYuv.available()) {
            NativeYuv.convert(frame.buffer, target, targetWidth, targetHeight);
            return;
        }
        if (target.length < targetWidth * targetHeight) {
            throw new IllegalArgumentException("target holds " + target.length + " pixels; " + targetWidth + "x"
                    + targetHeight + " needs " + targetWidth * targetHeight);
        }
        // libyuv scales the I420 planes (a quarter of the ARGB bytes) before the conversion
        VideoFrameBuffer scaled = frame.buffer.cropAndScale(0, 0, width(), height(), targetWidth, targetHeight);
        try {
            BandConverter.forThisThread().convert(scaled, target);
        } finally {
            scaled.release();
        }
    }

    private void convertWhole(int[] target) {
        if (NativeYuv.available()) {
            NativeYuv.convert(frame.buffer, target);
        } else {
            BandConverter.forThisThread().convert(frame.buffer, target);
        }
    }

    @Override
    public void convertToArgb(ByteBuffer target) {
        if (!valid) {
            throw new IllegalStateException("a VideoFrame is valid only during the onFrame call that delivered it");
        }
        if (!target.isDirect()) {
            throw new IllegalArgumentException("convertToArgb needs a direct ByteBuffer (ByteBuffer.allocateDirect)");
        }
        int needed = width() * height() * 4;
        if (target.capacity() < needed) {
            throw new IllegalArgumentException("target holds " + target.capacity() + " bytes; a "
                    + width() + "x" + height() + " frame needs " + needed);
        }
        try {
            VideoBufferConverter.convertFromI420(frame.buffer, target, FourCC.ARGB);
        } catch (Exception e) {
            throw new MediaException("video frame conversion to ARGB failed", e);
        }
    }
}
