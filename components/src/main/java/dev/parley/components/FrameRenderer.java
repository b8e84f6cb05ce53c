package dev.parley.components;

import dev.parley.engine.VideoFrame;
import dev.parley.engine.VideoSink;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Turns frames into an image to paint: libyuv converts each frame on the media thread straight
 * into a reused {@code TYPE_INT_RGB} raster ({@link VideoFrame#convertToArgb(int[])}, in
 * cache-sized bands), and three images rotate so that the media thread never writes the one
 * the EDT paints. Only the latest frame counts: a
 * frame that arrives before the previous one was painted replaces it. The media thread never
 * posts to the EDT: the {@link DisplayClock} asks for one repaint per display refresh when a
 * new frame is waiting. Nothing is allocated per frame once the size is known.
 *
 * <p>Display size: once the view tells the size it paints in ({@link #setDisplaySize}, device
 * pixels), a larger stream is scaled down in I420 by libyuv to the smallest size that still
 * covers that area with the stream's aspect, before the ARGB conversion: a 1080p stream in a
 * 480x270 tile converts 480x270 pixels, not 1920x1080. Streams are never scaled up.
 *
 * <p>Threading: {@link #onFrame} on one media thread; {@link #current}, {@link #clear},
 * {@link #repaintIfFresh} on the EDT.
 */
final class FrameRenderer implements VideoSink {

    /** A frame counts as black when every sampled pixel is at most this bright in each channel. */
    private static final int BLACK_LEVEL = 0x20;
    private static final int BLACK_FRAMES = 3;

    private final Runnable repaintOnEdt;

    // media thread only
    private BufferedImage writing;
    private int blackRun;

    // guarded by this
    private BufferedImage ready;
    private boolean fresh;

    // EDT only
    private BufferedImage showing;

    // set on the EDT, read on the media thread: device pixels of the painted area, 0 while unknown
    private volatile int displayWidth;
    private volatile int displayHeight;
    private volatile int streamWidth;
    private volatile int streamHeight;

    private volatile long lastFrameNanos;
    private volatile boolean black;
    private volatile long frames;

    FrameRenderer(Runnable repaintOnEdt) {
        this.repaintOnEdt = repaintOnEdt;
    }

    @Override
    public void onFrame(VideoFrame frame) {
        int frameWidth = frame.width();
        int frameHeight = frame.height();
        streamWidth = frameWidth;
        streamHeight = frameHeight;
        boolean sideways = frame.rotation() % 180 != 0;
        int width = frameWidth;
        int height = frameHeight;
        int areaWidth = sideways ? displayHeight : displayWidth;
        int areaHeight = sideways ? displayWidth : displayHeight;
        if (areaWidth > 0 && areaHeight > 0) {
            double scale = Math.max(areaWidth / (double) frameWidth, areaHeight / (double) frameHeight);
            if (scale < 1) {
                // even sizes keep the chroma planes whole
                width = Math.min(frameWidth, Math.max(2, ((int) Math.ceil(frameWidth * scale) + 1) & ~1));
                height = Math.min(frameHeight, Math.max(2, ((int) Math.ceil(frameHeight * scale) + 1) & ~1));
            }
        }
        if (writing == null || writing.getWidth() != width || writing.getHeight() != height) {
            writing = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        int[] raster = ((DataBufferInt) writing.getRaster().getDataBuffer()).getData();
        frame.convertToArgb(raster, width, height);
        blackRun = isBlack(raster, width, height) ? blackRun + 1 : 0;
        black = blackRun >= BLACK_FRAMES;
        lastFrameNanos = System.nanoTime();
        frames++;
        synchronized (this) {
            BufferedImage previous = ready;
            ready = writing;
            writing = previous;
            fresh = true;
        }
    }

    /** The area the frames are painted in, in device pixels (0: unknown, convert at the stream's size). */
    void setDisplaySize(int width, int height) {
        displayWidth = width;
        displayHeight = height;
    }

    /** The stream's own frame size (before any scaling for the display), or {@code null} before the first frame. */
    java.awt.Dimension streamSize() {
        int width = streamWidth;
        return width == 0 ? null : new java.awt.Dimension(width, streamHeight);
    }

    /** At a display tick: asks for one repaint when a frame is waiting to be painted. */
    void repaintIfFresh() {
        boolean waiting;
        synchronized (this) {
            waiting = fresh;
        }
        if (waiting) {
            repaintOnEdt.run();
        }
    }

    /** The image to paint now: the newest complete frame, or {@code null} before the first. */
    BufferedImage current() {
        synchronized (this) {
            if (fresh) {
                BufferedImage previous = showing;
                showing = ready;
                ready = previous;
                fresh = false;
            }
        }
        return showing;
    }

    /** Whether a frame has arrived since the last {@link #clear}; does not consume it. */
    synchronized boolean hasFrame() {
        return ready != null || showing != null;
    }

    /** Forgets the frames shown so far, for a new track. */
    void clear() {
        synchronized (this) {
            ready = null;
            fresh = false;
        }
        showing = null;
        streamWidth = 0;
        streamHeight = 0;
        lastFrameNanos = 0;
        black = false;
    }

    /** Whether no frame arrived in the last {@code millis}, or none at all. */
    boolean isStale(long millis) {
        long last = lastFrameNanos;
        return last == 0 || System.nanoTime() - last > millis * 1_000_000L;
    }

    /** Whether the last frames were black: the sender disabled its video. */
    boolean isBlack() {
        return black;
    }

    /** Frames received so far. */
    long frames() {
        return frames;
    }

    private static boolean isBlack(int[] raster, int width, int height) {
        for (int sy = 1; sy <= 4; sy++) {
            for (int sx = 1; sx <= 4; sx++) {
                int rgb = raster[(sy * height / 5) * width + sx * width / 5];
                if (((rgb >> 16) & 0xFF) > BLACK_LEVEL || ((rgb >> 8) & 0xFF) > BLACK_LEVEL || (rgb & 0xFF) > BLACK_LEVEL) {
                    return false;
                }
            }
        }
        return true;
    }
}
