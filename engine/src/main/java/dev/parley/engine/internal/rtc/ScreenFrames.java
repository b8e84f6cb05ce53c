package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.parley.engine.ScreenSource;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The native half of {@code ScreenCapture}: a thread ({@code parley-screen-N}, alive
 * while started) reads the screen or a window's place on it at up to the frame rate, converts
 * the pixels to I420 with libyuv, scales them down with libyuv only when they exceed the size
 * cap, and pushes them into a custom webrtc-java source. A window is looked up again every
 * frame, so it is followed when it moves or resizes; when it closes, the thread stops and
 * {@code ended} runs once on it. Never uses webrtc-java's desktop capturers, which crash
 * under X11 (upstream #233/#236).
 *
 * <p>Threading: {@link CaptureSource}'s; {@link #framesPushed()} from any thread.
 */
public final class ScreenFrames implements CaptureSource {

    private static final Logger log = LoggerFactory.getLogger(ScreenFrames.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ScreenSource screen;
    private final int frameRate;
    private final Dimension maxSize;
    private final Runnable ended;
    private final CustomVideoSource source;
    private final AtomicLong pushed = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param ended run once, on the capture thread, when a shared window closes
     * @throws dev.parley.engine.MediaException if the native library cannot be loaded
     */
    public ScreenFrames(ScreenSource screen, int frameRate, Dimension maxSize, Runnable ended) {
        NativeLibrary.load();
        this.screen = screen;
        this.frameRate = frameRate;
        this.maxSize = maxSize;
        this.ended = ended;
        this.source = NativeTracker.opened("video source", new CustomVideoSource());
    }

    @Override
    public VideoTrackSource nativeSource() {
        return source;
    }

    /** Frames pushed so far. */
    public long framesPushed() {
        return pushed.get();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "parley-screen-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long period = 1_000_000_000L / frameRate;
        boolean window = screen.kind() == ScreenSource.Kind.WINDOW;
        try (Desktop.Connection x = openConnection(); ScreenGrabber grabber = ScreenGrabber.open(x)) {
            Rectangle desktop = desktopBounds();
            long next = System.nanoTime();
            while (running) {
                Rectangle area;
                if (window) {
                    Optional<Rectangle> now = x.exists(Desktop.windowOf(screen))
                            ? x.bounds(Desktop.windowOf(screen)) : Optional.empty();
                    if (now.isEmpty()) {
                        log.info("screen sharing: window \"{}\" closed; the capture ends", screen.title());
                        running = false;
                        ended.run();
                        return;
                    }
                    area = now.get();
                } else {
                    area = screen.bounds();
                }
                area = area.intersection(desktop);
                area.width &= ~1;
                area.height &= ~1;
                if (area.width >= 2 && area.height >= 2) {
                    push(grabber.grab(area), area.width, area.height);
                }
                next += period;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } else {
                    next = System.nanoTime(); // behind: skip rather than burst
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            log.error("screen sharing of \"{}\" failed; the capture ends", screen.title(), e);
            running = false;
            ended.run();
        }
    }

    private static Desktop.Connection openConnection() {
        try {
            return Desktop.Connection.open();
        } catch (IllegalStateException | UnsatisfiedLinkError e) {
            return null; // not X11: Robot, screens only
        }
    }

    private static Rectangle desktopBounds() {
        Rectangle all = new Rectangle();
        for (var device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            all = all.union(device.getDefaultConfiguration().getBounds());
        }
        return all;
    }

    private void push(ByteBuffer pixels, int width, int height) {
        NativeI420Buffer i420 = NativeI420Buffer.allocate(width, height);
        VideoFrameBuffer sent = i420;
        try {
            VideoBufferConverter.convertToI420(pixels, i420, FourCC.ARGB);
            double scale = Math.min(1, Math.min((double) maxSize.width / width, (double) maxSize.height / height));
            if (scale < 1) {
                int w = Math.max(2, (int) (width * scale) & ~1);
                int h = Math.max(2, (int) (height * scale) & ~1);
                sent = i420.cropAndScale(0, 0, width, height, w, h);
            }
            VideoFrame frame = new VideoFrame(sent, System.nanoTime());
            source.pushFrame(frame);
            pushed.incrementAndGet();
        } catch (Exception e) {
            throw new IllegalStateException("converting a " + width + "x" + height + " screen image failed", e);
        } finally {
            if (sent != i420) {
                sent.release();
            }
            i420.release();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2_000);
                if (t.isAlive()) {
                    log.warn("screen capture thread did not stop within 2 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public void release() {
        source.dispose();
        NativeTracker.closed("video source");
    }
}
