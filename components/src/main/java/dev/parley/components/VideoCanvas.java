package dev.parley.components;

import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.HierarchyEvent;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.Timer;

/**
 * What {@link RemoteVideoView} and {@link LocalVideoPanel} share: the track, the renderer
 * attached only while the component is showing (a hidden view converts nothing), the check for
 * video that stopped or turned black, and the painting of video or placeholder.
 *
 * <p>Threading: EDT.
 */
final class VideoCanvas {

    private final JComponent owner;
    private final FrameRenderer renderer;
    private final Timer staleCheck;
    private VideoTrack track;
    private Subscription subscription;
    private boolean showedVideo;

    VideoCanvas(JComponent owner) {
        this.owner = owner;
        this.renderer = new FrameRenderer(owner::repaint);
        this.staleCheck = new Timer(500, e -> {
            if (showsVideo() != showedVideo) {
                owner.repaint();
            }
        });
        owner.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                attachIfShowing();
            }
        });
    }

    VideoTrack track() {
        return track;
    }

    void setTrack(VideoTrack next) {
        if (track == next) {
            return;
        }
        detach();
        track = next;
        renderer.clear();
        attachIfShowing();
        owner.repaint();
    }

    /** Whether the renderer is attached to the track (the component shows and has a track). */
    boolean isAttached() {
        return subscription != null;
    }

    /** Whether video would be painted now rather than a placeholder. */
    boolean showsVideo() {
        return track != null && !track.isEnded() && track.isEnabled() && renderer.hasFrame()
                && !renderer.isStale(Theme.unscaled("Parley.video.staleMillis")) && !renderer.isBlack();
    }

    /** Whether frames arrive but are black, or stopped arriving after some had come. */
    boolean isPaused() {
        return track != null && renderer.frames() > 0
                && (renderer.isBlack() || renderer.isStale(Theme.unscaled("Parley.video.staleMillis")));
    }

    private void attachIfShowing() {
        if (owner.isShowing() && track != null) {
            if (subscription == null) {
                subscription = track.addSink(renderer);
                DisplayClock.register(renderer);
                staleCheck.start();
            }
        } else {
            detach();
        }
    }

    private void detach() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        DisplayClock.unregister(renderer);
        staleCheck.stop();
    }

    /** Paints video, fitted or filled and optionally mirrored, or {@code placeholder} when there is none. */
    /** The size of the video shown now, or {@code null} while the placeholder shows. */
    java.awt.Dimension videoSize() {
        BufferedImage image = showedVideo ? renderer.current() : null;
        return image == null ? null : renderer.streamSize();
    }

    /** The image painted last, or {@code null} while the placeholder shows (for measurements). */
    BufferedImage shownImage() {
        return showedVideo ? renderer.current() : null;
    }

    /** The size the last frame was converted at (smaller than the stream's in a small view). */
    java.awt.Dimension convertedSize() {
        BufferedImage image = showedVideo ? renderer.current() : null;
        return image == null ? null : new java.awt.Dimension(image.getWidth(), image.getHeight());
    }

    void paint(Graphics2D g, ContentMode mode, boolean mirrored, String name, String placeholder) {
        int width = owner.getWidth();
        int height = owner.getHeight();
        // frames are converted at the device pixels they are painted on (HiDPI: more than the component's size)
        renderer.setDisplaySize((int) Math.ceil(width * deviceScale(g.getTransform().getScaleX())),
                (int) Math.ceil(height * deviceScale(g.getTransform().getScaleY())));
        showedVideo = showsVideo();
        g.setColor(Theme.paint("Parley.video.background"));
        g.fillRect(0, 0, width, height);
        BufferedImage image = showedVideo ? renderer.current() : null;
        if (image != null) {
            paintVideo(g, image, mode, mirrored, width, height);
        } else {
            paintPlaceholder(g, name, placeholder, width, height);
        }
    }

    private static double deviceScale(double scale) {
        return scale == 0 ? 1 : Math.abs(scale);
    }

    private static void paintVideo(Graphics2D g, BufferedImage image, ContentMode mode, boolean mirrored, int width,
            int height) {
        double sx = width / (double) image.getWidth();
        double sy = height / (double) image.getHeight();
        double scale = mode == ContentMode.ASPECT_FIT ? Math.min(sx, sy) : Math.max(sx, sy);
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        int x = (width - w) / 2;
        int y = (height - h) / 2;
        // Bilinear: nearest is blocky when scaled up, bicubic falls back to software (see the recipe).
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        if (mirrored) {
            g.drawImage(image, x + w, y, -w, h, null);
        } else {
            g.drawImage(image, x, y, w, h, null);
        }
    }

    private static void paintPlaceholder(Graphics2D g, String name, String text, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Theme.paint("Parley.video.placeholderBackground"));
        g.fillRect(0, 0, width, height);
        int avatar = Math.min(Math.min(width, height) / 2, Theme.size("Parley.incoming.avatarWidth"));
        int cy = height / 2 - avatar / 3;
        if (name != null && !name.isBlank() && avatar >= 16) {
            Avatar.paint(g, name, width / 2.0, cy, avatar);
        }
        g.setColor(Theme.paint("Parley.video.placeholderForeground"));
        g.setFont(labelFont(g));
        String line = name != null && !name.isBlank() ? name + " \u00b7 " + text : text;
        centre(g, line, width / 2, name != null && !name.isBlank() && avatar >= 16 ? cy + avatar : height / 2);
    }

    private static Font labelFont(Graphics2D g) {
        Font base = javax.swing.UIManager.getFont("Label.font");
        return base != null ? base : g.getFont().deriveFont(Font.PLAIN, 13f);
    }

    private static void centre(Graphics2D g, String text, int cx, int cy) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, cx - metrics.stringWidth(text) / 2, cy + (metrics.getAscent() - metrics.getDescent()) / 2);
    }

}
