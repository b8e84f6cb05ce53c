package dev.parley.engine;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.parley.engine.internal.NativeLibrary;
import dev.parley.engine.internal.TestPattern;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synthetic camera: eight colour bars with a moving block and a frame counter below them
 * (see {@code dev.parley.engine.internal.TestPattern}), at the requested size and rate. For
 * machines without a camera, demos, and tests that check what the far side sees.
 *
 * <p>Frames are drawn and pushed on a thread named {@code parley-test-pattern-N} that runs
 * while the capture is started and ends when it stops or closes.
 *
 * <p>Threading: thread safe.
 */
public final class TestPatternCapture extends VideoCapture {

    private static final Logger log = LoggerFactory.getLogger(TestPatternCapture.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CustomVideoSource source;
    private final TestPattern pattern;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticks;
    private long frameNumber;

    /**
     * Creates a test pattern capture of the given format.
     *
     * @throws MediaException if the native library cannot be loaded
     */
    public TestPatternCapture(VideoFormat format) {
        super(format);
        NativeLibrary.load();
        pattern = new TestPattern(format.width(), format.height());
        source = NativeTracker.opened("video source", new CustomVideoSource());
    }

    /** A 640x480@30 test pattern. */
    public TestPatternCapture() {
        this(VideoFormat.DEFAULT);
    }

    @Override
    VideoTrackSource source() {
        return source;
    }

    @Override
    void startFrames() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-test-pattern-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long period = 1_000_000_000L / format().frameRate();
        ticks = ticker.scheduleAtFixedRate(this::pushFrame, 0, period, TimeUnit.NANOSECONDS);
    }

    private void pushFrame() {
        try {
            NativeI420Buffer buffer = NativeI420Buffer.allocate(format().width(), format().height());
            dev.onvoid.webrtc.media.video.VideoFrame frame =
                    new dev.onvoid.webrtc.media.video.VideoFrame(buffer, System.nanoTime());
            try {
                pattern.draw(frameNumber++, buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(),
                        buffer.getStrideU(), buffer.getDataV(), buffer.getStrideV());
                source.pushFrame(frame);
            } finally {
                frame.release();
            }
        } catch (RuntimeException e) {
            log.error("test pattern frame {} failed", frameNumber, e);
        }
    }

    @Override
    void stopFrames() {
        ticks.cancel(false);
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("test pattern thread did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticker = null;
    }

    @Override
    void releaseSource() {
        source.dispose();
        NativeTracker.closed("video source");
    }

    @Override
    public String toString() {
        return "TestPatternCapture[" + format() + "]";
    }
}
