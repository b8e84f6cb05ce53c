package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.parley.engine.MediaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Parley's own frame converter ({@code engine/src/main/native/parley_yuv.c}): libyuv
 * writes a frame straight into the {@code int[]} raster of a {@code TYPE_INT_RGB} image, scaling
 * it in I420 first when the image is smaller. webrtc-java converts only into a direct buffer or
 * a {@code byte[]}, which costs a second pass over every pixel (see {@link BandConverter}, the
 * fallback when this library is missing: another platform, or a build without libyuv's headers).
 *
 * <p>The conversion itself is Parley's (AVX-512 or AVX2, two rows per pass sharing their chroma
 * work; libyuv's on a CPU with neither), BT.601 limited range like libyuv's and within two levels
 * of it per channel; scaling is libyuv's box filter.
 *
 * <p>A webrtc-java {@code NativeI420Buffer}'s planes are read in native code from its fields,
 * because each of its plane getters makes a new {@code ByteBuffer}: with that, converting a frame
 * allocates nothing on the Java heap. Should a webrtc-java version rename those fields, the
 * getters are used instead (and {@link #readsBufferFields()} says so).
 *
 * <p>{@code -Dparley.video.nativeConverter=false} turns it off (benchmarks compare both paths).
 *
 * <p>Threading: thread safe; each thread has its own scratch buffer for scaling.
 */
public final class NativeYuv {

    private static final Logger LOG = LoggerFactory.getLogger(NativeYuv.class);
    private static final String DISABLE_PROPERTY = "parley.video.nativeConverter";

    private static final int OK = 0;
    private static final int NOT_DIRECT = -1;
    private static final int PLANE_TOO_SMALL = -2;
    private static final int TARGET_TOO_SMALL = -3;
    private static final int BAD_SIZE = -4;
    private static final int SCRATCH_TOO_SMALL = -5;
    private static final int PIN_FAILED = -6;
    private static final int NOT_A_BUFFER = -8;

    private static final String UNAVAILABLE_REASON;
    private static final boolean READS_BUFFER_FIELDS;
    private static final ThreadLocal<ByteBuffer> SCRATCH = new ThreadLocal<>();

    static {
        String reason = load();
        boolean fields = false;
        if (reason == null) {
            fields = bindBufferClass(NativeI420Buffer.class);
            LOG.debug("Parley's frame converter loaded ({})",
                    fields ? "planes read from NativeI420Buffer's fields" : "planes read through the getters");
        } else {
            LOG.info("Parley's frame converter is not in use ({}): frames are converted through webrtc-java's "
                    + "converter and copied, about twice the work", reason);
        }
        UNAVAILABLE_REASON = reason;
        READS_BUFFER_FIELDS = fields;
    }

    private NativeYuv() {
    }

    /** Whether frames are converted by Parley's native converter. */
    public static boolean available() {
        return UNAVAILABLE_REASON == null;
    }

    /** Why the native converter is not in use, or {@code null} when it is. */
    public static String unavailableReason() {
        return UNAVAILABLE_REASON;
    }

    /** Whether a {@code NativeI420Buffer}'s planes are read from its fields (no Java object per frame). */
    static boolean readsBufferFields() {
        return READS_BUFFER_FIELDS;
    }

    /**
     * Converts {@code buffer} into {@code target}, rows without padding. Only while
     * {@link #available()}.
     */
    public static void convert(VideoFrameBuffer buffer, int[] target) {
        int result;
        if (READS_BUFFER_FIELDS && buffer instanceof NativeI420Buffer) {
            result = bufferToArgb(buffer, target);
        } else {
            I420Buffer planes = buffer.toI420();
            result = i420ToArgb(planes.getDataY(), planes.getStrideY(), planes.getDataU(), planes.getStrideU(),
                    planes.getDataV(), planes.getStrideV(), planes.getWidth(), planes.getHeight(), target);
        }
        check(result, buffer, target, buffer.getWidth(), buffer.getHeight());
    }

    /**
     * Scales {@code buffer} to {@code targetWidth} x {@code targetHeight} in I420 (libyuv's box
     * filter), then converts that into {@code target}. Only while {@link #available()}.
     */
    public static void convert(VideoFrameBuffer buffer, int[] target, int targetWidth, int targetHeight) {
        ByteBuffer scratch = scratch(targetWidth, targetHeight, buffer.getWidth(), buffer.getHeight());
        int result;
        if (READS_BUFFER_FIELDS && buffer instanceof NativeI420Buffer) {
            result = bufferScaleToArgb(buffer, scratch, targetWidth, targetHeight, target);
        } else {
            I420Buffer planes = buffer.toI420();
            result = i420ScaleToArgb(planes.getDataY(), planes.getStrideY(), planes.getDataU(), planes.getStrideU(),
                    planes.getDataV(), planes.getStrideV(), planes.getWidth(), planes.getHeight(), scratch,
                    targetWidth, targetHeight, target);
        }
        check(result, buffer, target, targetWidth, targetHeight);
    }

    /** Room for the scaled frame and, where the native code halves the frame first, the half-size one. */
    private static ByteBuffer scratch(int width, int height, int sourceWidth, int sourceHeight) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size " + width + "x" + height + " is not positive");
        }
        long needed = i420Bytes(width, height) + i420Bytes(sourceWidth / 2, sourceHeight / 2);
        ByteBuffer scratch = SCRATCH.get();
        if (scratch == null || scratch.capacity() < needed) {
            scratch = ByteBuffer.allocateDirect(Math.toIntExact(needed));
            SCRATCH.set(scratch);
        }
        return scratch;
    }

    private static long i420Bytes(int width, int height) {
        return (long) width * height + 2L * ((width + 1) / 2) * ((height + 1) / 2);
    }

    private static void check(int result, VideoFrameBuffer buffer, int[] target, int width, int height) {
        switch (result) {
            case OK:
                return;
            case TARGET_TOO_SMALL:
                throw new IllegalArgumentException("target holds " + target.length + " pixels; " + width + "x"
                        + height + " needs " + (long) width * height);
            case BAD_SIZE:
                throw new IllegalArgumentException("frame " + buffer.getWidth() + "x" + buffer.getHeight()
                        + " or target " + width + "x" + height + " is not positive");
            case NOT_DIRECT:
            case PLANE_TOO_SMALL:
            case NOT_A_BUFFER:
                throw new MediaException("video frame " + buffer + " does not hold the I420 planes it claims (code "
                        + result + ")");
            case SCRATCH_TOO_SMALL:
            case PIN_FAILED:
            default:
                throw new MediaException("video frame conversion to ARGB failed (code " + result + ")");
        }
    }

    /** Loads the library from the class path; returns why not, or {@code null} once loaded. */
    private static String load() {
        if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY))) {
            return "-D" + DISABLE_PROPERTY + "=false";
        }
        String platform = platform();
        String resource = platform + "/libparleyyuv.so";
        try (InputStream in = NativeYuv.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "no build for " + platform + " in this jar";
            }
            Path file = Files.createTempFile("parley-yuv-", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                // the loaded library stays mapped; the file is not needed any more
                Files.deleteIfExists(file);
            }
            return null;
        } catch (IOException | LinkageError | SecurityException e) {
            return "it did not load: " + e;
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("linux") ? "linux" : os.replaceAll("[^a-z]", "");
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86-64" : arch;
        return osName + "-" + archName;
    }

    private static native int i420ToArgb(ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v,
            int strideV, int width, int height, int[] target);

    private static native int i420ScaleToArgb(ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v,
            int strideV, int width, int height, ByteBuffer scratch, int targetWidth, int targetHeight, int[] target);

    /**
     * Picks the conversion kernel: 0 libyuv, 1 AVX2, 2 AVX-512; a kernel the CPU lacks gives the
     * best it has, and so does -1. Returns the kernel in use. For tests, which compare them.
     */
    static native int useKernel(int kernel);

    private static native boolean bindBufferClass(Class<?> type);

    private static native int bufferToArgb(Object buffer, int[] target);

    private static native int bufferScaleToArgb(Object buffer, ByteBuffer scratch, int targetWidth, int targetHeight,
            int[] target);
}
