package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.parley.engine.MediaException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * The fallback where {@link NativeYuv} (Parley's own converter) is not there. Converts an I420 frame into a packed {@code int[]} of {@code 0xAARRGGBB} pixels, the raster of
 * a {@code TYPE_INT_RGB} image, band by band: libyuv converts a few rows into a small direct
 * buffer that stays in the CPU cache, and a bulk copy moves them into the array. Converting the
 * whole frame into a frame-sized buffer first and copying that sends every pixel through main
 * memory twice more: at 1920x1080 that took 727 us against 627 us banded; at 640x480, where
 * the frame fits the cache anyway, both take about 85 us (JMH, this project's machine).
 *
 * <p>Not API. Threading: one converter per thread ({@link #forThisThread()}).
 */
public final class BandConverter {

    /** ARGB bytes per band: small enough for a core's L2 cache, large enough that per-band calls cost little. */
    private static final int BAND_BYTES = 256 * 1024;
    private static final ThreadLocal<BandConverter> PER_THREAD = ThreadLocal.withInitial(BandConverter::new);

    private final Band band = new Band();
    private ByteBuffer scratch;
    private IntBuffer scratchInts;

    private BandConverter() {
    }

    /** The calling thread's converter. */
    public static BandConverter forThisThread() {
        return PER_THREAD.get();
    }

    /** Converts {@code buffer} into {@code target}, row after row without padding. */
    public void convert(VideoFrameBuffer buffer, int[] target) {
        I420Buffer source = buffer.toI420();
        int width = source.getWidth();
        int height = source.getHeight();
        if (target.length < width * height) {
            throw new IllegalArgumentException("target holds " + target.length + " pixels; a " + width + "x" + height
                    + " frame needs " + width * height);
        }
        int bandRows = Math.max(2, (BAND_BYTES / (width * 4)) & ~1);
        int bandBytes = width * bandRows * 4;
        if (scratch == null || scratch.capacity() < bandBytes) {
            scratch = ByteBuffer.allocateDirect(bandBytes).order(ByteOrder.nativeOrder());
            scratchInts = scratch.asIntBuffer();
        }
        ByteBuffer y = source.getDataY();
        ByteBuffer u = source.getDataU();
        ByteBuffer v = source.getDataV();
        int strideY = source.getStrideY();
        int strideU = source.getStrideU();
        int strideV = source.getStrideV();
        try {
            for (int row = 0; row < height; row += bandRows) {
                int rows = Math.min(bandRows, height - row);
                int chromaRow = row / 2;
                int chromaRows = (rows + 1) / 2;
                band.set(width, rows,
                        y.slice(row * strideY, Math.min(y.capacity() - row * strideY, rows * strideY)), strideY,
                        u.slice(chromaRow * strideU, Math.min(u.capacity() - chromaRow * strideU, chromaRows * strideU)),
                        strideU,
                        v.slice(chromaRow * strideV, Math.min(v.capacity() - chromaRow * strideV, chromaRows * strideV)),
                        strideV);
                VideoBufferConverter.convertFromI420(band, scratch, FourCC.ARGB);
                scratchInts.rewind();
                scratchInts.get(target, row * width, rows * width);
            }
        } catch (Exception e) {
            throw new MediaException("video frame conversion to ARGB failed", e);
        }
    }

    /** A few rows of a frame, presented to libyuv as an I420 buffer of their own. */
    private static final class Band implements I420Buffer {
        private int width;
        private int height;
        private ByteBuffer y;
        private ByteBuffer u;
        private ByteBuffer v;
        private int strideY;
        private int strideU;
        private int strideV;

        void set(int width, int height, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v,
                int strideV) {
            this.width = width;
            this.height = height;
            this.y = y;
            this.u = u;
            this.v = v;
            this.strideY = strideY;
            this.strideU = strideU;
            this.strideV = strideV;
        }

        @Override
        public ByteBuffer getDataY() {
            return y;
        }

        @Override
        public ByteBuffer getDataU() {
            return u;
        }

        @Override
        public ByteBuffer getDataV() {
            return v;
        }

        @Override
        public int getStrideY() {
            return strideY;
        }

        @Override
        public int getStrideU() {
            return strideU;
        }

        @Override
        public int getStrideV() {
            return strideV;
        }

        @Override
        public int getWidth() {
            return width;
        }

        @Override
        public int getHeight() {
            return height;
        }

        @Override
        public I420Buffer toI420() {
            return this;
        }

        @Override
        public VideoFrameBuffer cropAndScale(int cropX, int cropY, int cropWidth, int cropHeight, int scaleWidth,
                int scaleHeight) {
            throw new UnsupportedOperationException("a conversion band cannot be cropped");
        }

        @Override
        public void retain() {
        }

        @Override
        public void release() {
        }
    }
}
