package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.parley.engine.VideoFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The native half of {@code TestPatternCapture}: draws {@link TestPattern} frames at
 * the format's rate on a thread named {@code parley-test-pattern-N}, which runs while started
 * and ends when stopped or released, and pushes them into a custom webrtc-java source.
 *
 * <p>Threading: {@link CaptureSource}'s.
 */
public final class PatternSource implements CaptureSource {

    private static final Logger log = LoggerFactory.getLogger(PatternSource.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final VideoFormat format;
    private final CustomVideoSource source;
    private final TestPattern pattern;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticks;
    private long frameNumber;

    /** @throws dev.parley.engine.MediaException if the native library cannot be loaded */
    public PatternSource(VideoFormat format) {
        NativeLibrary.load();
        this.format = format;
        this.pattern = new TestPattern(format.width(), format.height());
        this.source = NativeTracker.opened("video source", new CustomVideoSource());
    }

    @Override
    public VideoTrackSource nativeSource() {
        return source;
    }

    @Override
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-test-pattern-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long period = 1_000_000_000L / format.frameRate();
        ticks = ticker.scheduleAtFixedRate(this::pushFrame, 0, period, TimeUnit.NANOSECONDS);
    }

    private void pushFrame() {
        try {
            NativeI420Buffer buffer = NativeI420Buffer.allocate(format.width(), format.height());
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
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
    public void stop() {
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
    public void release() {
        source.dispose();
        NativeTracker.closed("video source");
    }
}
