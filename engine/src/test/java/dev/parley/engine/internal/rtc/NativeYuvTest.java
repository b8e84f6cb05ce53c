package dev.parley.engine.internal.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.parley.engine.MediaException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parley's native frame converter against webrtc-java's (the band converter, the fallback):
 * the same pictures, bad input refused without a crash, nothing allocated per frame.
 */
class NativeYuvTest {

    @BeforeAll
    static void theConverterIsBuiltWhereItCanBe() {
        boolean buildable = Files.exists(Path.of("/usr/include/libyuv/convert_argb.h"))
                && System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").equals("amd64");
        if (buildable || "true".equals(System.getenv("CI"))) {
            assertThat(NativeYuv.unavailableReason()).isNull();
            assertThat(NativeYuv.available()).isTrue();
        }
        NativeLibrary.load();
    }

    @Test
    void webrtcJavasBufferIsReadWithoutItsGetters() {
        // NativeI420Buffer's plane getters make a ByteBuffer each; the converter reads its fields
        assertThat(NativeYuv.readsBufferFields()).isTrue();
    }

    @Test
    void aFrameComesOutAsWebrtcJavasConverterPaintsItWithEveryKernel() {
        int best = NativeYuv.useKernel(-1);
        try {
            for (int kernel = 0; kernel <= best; kernel++) {
                assertThat(NativeYuv.useKernel(kernel)).isEqualTo(kernel);
                // whole vector steps, a scalar or masked tail, an odd last row
                for (int[] size : new int[][] {{640, 480}, {1280, 720}, {322, 182}, {98, 7}}) {
                    try (PatternFrame frame = new PatternFrame(size[0], size[1] + size[1] % 2)) {
                        NativeI420Buffer buffer = buffer(frame);
                        Planes planes = new Planes(buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(),
                                buffer.getStrideU(), buffer.getDataV(), buffer.getStrideV(), size[0], size[1]);
                        int[] expected = new int[size[0] * size[1]];
                        BandConverter.forThisThread().convert(planes, expected);
                        int[] actual = new int[expected.length + 1];
                        actual[expected.length] = 0x12345678;
                        NativeYuv.convert(planes, actual);
                        assertThat(largestChannelDifference(expected, actual))
                                .as("kernel %d, %dx%d", kernel, size[0], size[1]).isLessThanOrEqualTo(2);
                        assertThat(actual[expected.length]).as("the pixel after the frame").isEqualTo(0x12345678);
                    }
                }
            }
        } finally {
            NativeYuv.useKernel(-1);
        }
    }

    @Test
    void extremeLevelsClampLikeLibyuv() {
        // below black, above white, saturated chroma: every clamp of the arithmetic
        int width = 256;
        int height = 2;
        ByteBuffer y = ByteBuffer.allocateDirect(width * height);
        ByteBuffer u = ByteBuffer.allocateDirect(width / 2);
        ByteBuffer v = ByteBuffer.allocateDirect(width / 2);
        for (int i = 0; i < width * height; i++) {
            y.put(i, (byte) (i % 2 == 0 ? i / 2 : 255 - i / 2));
        }
        for (int i = 0; i < width / 2; i++) {
            u.put(i, (byte) (i % 3 == 0 ? 0 : i % 3 == 1 ? 255 : i * 2));
            v.put(i, (byte) (i % 4 == 0 ? 255 : i % 4 == 1 ? 0 : 255 - i * 2));
        }
        Planes planes = new Planes(y, width, u, width / 2, v, width / 2, width, height);
        int[] expected = new int[width * height];
        BandConverter.forThisThread().convert(planes, expected);
        int best = NativeYuv.useKernel(-1);
        try {
            for (int kernel = 0; kernel <= best; kernel++) {
                NativeYuv.useKernel(kernel);
                int[] actual = new int[width * height];
                NativeYuv.convert(planes, actual);
                assertThat(largestChannelDifference(expected, actual)).as("kernel %d", kernel).isLessThanOrEqualTo(2);
            }
        } finally {
            NativeYuv.useKernel(-1);
        }
    }

    @Test
    void aFrameScaledForATileMatchesWebrtcsOwnScaling() {
        try (PatternFrame frame = new PatternFrame(1920, 1080)) {
            NativeI420Buffer buffer = buffer(frame);
            int[] expected = scaledByWebrtc(buffer, 480, 270);
            int[] actual = new int[480 * 270];
            NativeYuv.convert(buffer, actual, 480, 270);
            assertThat(largestChannelDifference(expected, actual)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aFrameScaledByAnUnevenRatioLooksLikeWebrtcsScaling() {
        // 1280x720 into 480x270: halved first, then box-filtered the rest of the way
        try (PatternFrame frame = new PatternFrame(1280, 720)) {
            NativeI420Buffer buffer = buffer(frame);
            int[] expected = scaledByWebrtc(buffer, 480, 270);
            int[] actual = new int[480 * 270];
            NativeYuv.convert(buffer, actual, 480, 270);
            assertThat(meanChannelDifference(expected, actual)).isLessThan(2.0);
        }
    }

    @Test
    void aBufferOfAnotherKindGoesThroughItsGetters() {
        try (PatternFrame frame = new PatternFrame(640, 480)) {
            NativeI420Buffer buffer = buffer(frame);
            int[] expected = new int[640 * 480];
            NativeYuv.convert(buffer, expected);
            int[] actual = new int[640 * 480];
            NativeYuv.convert(new Planes(buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(), buffer.getStrideU(),
                    buffer.getDataV(), buffer.getStrideV(), 640, 480), actual);
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void badInputIsRefusedAndTheTargetIsLeftAlone() {
        try (PatternFrame frame = new PatternFrame(640, 480)) {
            NativeI420Buffer buffer = buffer(frame);
            int[] small = new int[640 * 479];
            assertThatThrownBy(() -> NativeYuv.convert(buffer, small))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("640x480 needs 307200");
            assertThat(small).containsOnly(0);
            assertThatThrownBy(() -> NativeYuv.convert(buffer, new int[100], 0, 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive");

            // a buffer claiming more rows than its planes hold: refused before libyuv reads past them
            int[] target = new int[640 * 960];
            Planes lying = new Planes(buffer.getDataY(), 640, buffer.getDataU(), 320, buffer.getDataV(), 320, 640, 960);
            assertThatThrownBy(() -> NativeYuv.convert(lying, target)).isInstanceOf(MediaException.class)
                    .hasMessageContaining("does not hold the I420 planes");
            assertThat(target).containsOnly(0);
            ByteBuffer heap = ByteBuffer.allocate(640 * 480);
            Planes onHeap = new Planes(heap, 640, buffer.getDataU(), 320, buffer.getDataV(), 320, 640, 480);
            assertThatThrownBy(() -> NativeYuv.convert(onHeap, new int[640 * 480])).isInstanceOf(MediaException.class);
        }
    }

    @Test
    void convertingAFrameAllocatesNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (PatternFrame frame = new PatternFrame(1280, 720)) {
            NativeI420Buffer buffer = buffer(frame);
            int[] whole = new int[1280 * 720];
            int[] tile = new int[480 * 270];
            for (int i = 0; i < 2_000; i++) {
                NativeYuv.convert(buffer, whole);
                NativeYuv.convert(buffer, tile, 480, 270);
            }
            int frames = 2_000;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < frames; i++) {
                NativeYuv.convert(buffer, whole);
                NativeYuv.convert(buffer, tile, 480, 270);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // the smallest Java object is 16 bytes: less than that per frame means no object per frame
            assertThat(allocated / (2.0 * frames)).as("bytes allocated per conversion").isLessThan(16);
        }
    }

    /** {@code buffer} scaled by webrtc's own crop-and-scale, then converted by webrtc-java. */
    private static int[] scaledByWebrtc(NativeI420Buffer buffer, int width, int height) {
        VideoFrameBuffer scaled = buffer.cropAndScale(0, 0, buffer.getWidth(), buffer.getHeight(), width, height);
        int[] pixels = new int[width * height];
        try {
            BandConverter.forThisThread().convert(scaled, pixels);
        } finally {
            scaled.release();
        }
        return pixels;
    }

    private static NativeI420Buffer buffer(PatternFrame frame) {
        return (NativeI420Buffer) ((NativeFrame) frame.frame()).nativeBuffer();
    }

    private static int largestChannelDifference(int[] expected, int[] actual) {
        int largest = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift <= 24; shift += 8) {
                int difference = Math.abs(((expected[i] >>> shift) & 0xff) - ((actual[i] >>> shift) & 0xff));
                largest = Math.max(largest, difference);
            }
        }
        return largest;
    }

    private static double meanChannelDifference(int[] expected, int[] actual) {
        long sum = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((expected[i] >>> shift) & 0xff) - ((actual[i] >>> shift) & 0xff));
            }
        }
        return sum / (3.0 * expected.length);
    }

    /** I420 planes in a buffer of the test's own, read through the getters. */
    private record Planes(ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV, int width,
            int height) implements I420Buffer {

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
            throw new UnsupportedOperationException();
        }

        @Override
        public void retain() {
        }

        @Override
        public void release() {
        }
    }
}
