package dev.parley.engine;

import dev.parley.engine.internal.rtc.Desktop;
import dev.parley.engine.internal.rtc.ScreenFrames;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Shares a screen or a window as video. Put it on the same track as the camera, and take it
 * off again, without renegotiation (QuickBlox clients receive it like a camera):
 *
 * <pre>{@code
 * ScreenSource window = ScreenCapture.sources().get(1);
 * session.localMediaStream().videoTrack().setVideoCapture(new ScreenCapture(window, 15));
 * // later, back to the camera:
 * session.localMediaStream().videoTrack().setVideoCapture(new CameraCapture(VideoFormat.DEFAULT));
 * }</pre>
 *
 * <p>Frames are sent at the source's own resolution so that text stays sharp (the encoder
 * adapts the bit rate), unless it exceeds the size cap, in which case libyuv scales them down
 * keeping the aspect ratio. A shared window is followed when it moves or changes size; when it
 * closes, the capture stops and the end listeners are told. On X11 the screen is read with
 * MIT-SHM; elsewhere with AWT's {@code Robot}. webrtc-java's own desktop capturers are never
 * used (they crash under X11).
 *
 * <p>Threading: thread safe. Frames are read and sent on a thread named
 * {@code parley-screen-N} that runs while the capture is started.
 */
public final class ScreenCapture extends VideoCapture {

    /** The largest frame sent unless another cap is given: 3840x2160. */
    public static final Dimension DEFAULT_MAX_SIZE = new Dimension(3840, 2160);

    private final ScreenSource source;
    private final Ending ending;
    private final ScreenFrames frames;

    /**
     * Shares {@code source} at up to {@code maxFrameRate} frames per second, at its own size up
     * to {@link #DEFAULT_MAX_SIZE}.
     *
     * @throws IllegalArgumentException if the frame rate is outside 1 to 60
     * @throws MediaException if there is no screen (a headless JVM) or the native library cannot be loaded
     */
    public ScreenCapture(ScreenSource source, int maxFrameRate) {
        this(source, maxFrameRate, DEFAULT_MAX_SIZE);
    }

    /**
     * Shares {@code source} at up to {@code maxFrameRate} frames per second, scaled down to fit
     * {@code maxSize} when larger.
     *
     * @throws IllegalArgumentException if the frame rate is outside 1 to 60 or the cap is smaller than 16x16
     * @throws MediaException if there is no screen (a headless JVM) or the native library cannot be loaded
     */
    public ScreenCapture(ScreenSource source, int maxFrameRate, Dimension maxSize) {
        this(source, format(source, maxFrameRate, maxSize), new Ending(), new Dimension(maxSize));
    }

    private ScreenCapture(ScreenSource source, VideoFormat format, Ending ending, Dimension maxSize) {
        this(source, format, ending, new ScreenFrames(source, format.frameRate(), maxSize, ending));
    }

    private ScreenCapture(ScreenSource source, VideoFormat format, Ending ending, ScreenFrames frames) {
        super(format, frames);
        this.source = source;
        this.ending = ending;
        this.frames = frames;
    }

    /**
     * Every screen, then every window with a title (X11: the windows the window manager
     * lists; elsewhere screens only). Empty in a headless JVM.
     */
    public static List<ScreenSource> sources() {
        return Desktop.sources();
    }

    /** What this capture shares. */
    public ScreenSource source() {
        return source;
    }

    /** Frames read from the screen and sent so far. */
    public long framesCaptured() {
        return frames.framesPushed();
    }

    /** Whether the shared window has closed (or reading the screen failed): no more frames come. */
    public boolean isEnded() {
        return ending.ended;
    }

    /** Tells {@code listener}, on the EDT, when the shared window closes; at most once. */
    public Subscription addEndListener(Runnable listener) {
        return addEndListener(listener, EventQueue::invokeLater);
    }

    /** Tells {@code listener}, on {@code executor}, when the shared window closes; at most once. */
    public Subscription addEndListener(Runnable listener, Executor executor) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(executor, "executor");
        Runnable wrapped = () -> executor.execute(listener);
        ending.listeners.add(wrapped);
        if (ending.ended && ending.listeners.remove(wrapped)) {
            wrapped.run();
        }
        return () -> ending.listeners.remove(wrapped);
    }

    /** The end of a capture: run once by its thread when the window closes; each listener told once. */
    private static final class Ending implements Runnable {
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        @Override
        public void run() {
            ended = true;
            for (Runnable listener : listeners) {
                if (listeners.remove(listener)) {
                    listener.run();
                }
            }
        }
    }

    private static VideoFormat format(ScreenSource source, int maxFrameRate, Dimension maxSize) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(maxSize, "maxSize");
        if (maxSize.width < 16 || maxSize.height < 16) {
            throw new IllegalArgumentException("size cap " + maxSize.width + "x" + maxSize.height
                    + " is too small: use at least 16x16");
        }
        if (maxFrameRate < 1 || maxFrameRate > 60) {
            throw new IllegalArgumentException("frame rate " + maxFrameRate + " is not supported: use 1 to 60");
        }
        if (!Desktop.available()) {
            throw new MediaException("there is no screen to share: this JVM is headless");
        }
        double scale = Math.min(1, Math.min((double) maxSize.width / Math.max(1, source.bounds().width),
                (double) maxSize.height / Math.max(1, source.bounds().height)));
        int width = Math.min(4096, Math.max(2, (int) (source.bounds().width * scale) & ~1));
        int height = Math.min(4096, Math.max(2, (int) (source.bounds().height * scale) & ~1));
        return new VideoFormat(width, height, maxFrameRate, PixelFormat.FORMAT_420F);
    }

    @Override
    public String toString() {
        return "ScreenCapture[" + source.kind() + " \"" + source.title() + "\", " + format() + "]";
    }
}
