package dev.parley.components;

import dev.parley.engine.Subscription;
import dev.parley.engine.VideoFrame;
import dev.parley.engine.VideoSink;
import dev.parley.engine.VideoTrack;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * Shows a {@link VideoTrack}, as QuickBlox's {@code QBRTCRemoteVideoView}. Frames are converted
 * with libyuv on the media thread into a reused buffer; only the latest frame is kept and one
 * repaint is requested at a time, so a slow screen never queues frames on the EDT.
 *
 * <p>Theme keys: {@code Parley.video.background} (Color) behind and around the picture.
 *
 * <p>Threading: EDT only, except that frames arrive on a media thread internally.
 */
public class RemoteVideoView extends JComponent {

    private final Renderer renderer = new Renderer();
    private VideoTrack track;
    private Subscription subscription;
    private ContentMode contentMode = ContentMode.ASPECT_FIT;

    /** An empty view; set a track to show video. */
    public RemoteVideoView() {
        setOpaque(true);
        setPreferredSize(new Dimension(320, 240));
    }

    /** Shows {@code track}, or nothing when {@code null}. */
    public void setVideoTrack(VideoTrack track) {
        if (Objects.equals(this.track, track)) {
            return;
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        this.track = track;
        renderer.clear();
        if (track != null && isDisplayable()) {
            subscription = track.addSink(renderer);
        }
        repaint();
    }

    /** The track being shown, or {@code null}. */
    public VideoTrack videoTrack() {
        return track;
    }

    /** How video fits the view. */
    public void setContentMode(ContentMode mode) {
        contentMode = Objects.requireNonNull(mode, "mode");
        repaint();
    }

    /** How video fits the view. */
    public ContentMode contentMode() {
        return contentMode;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        if (track != null && subscription == null) {
            subscription = track.addSink(renderer);
        }
    }

    @Override
    public void removeNotify() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.removeNotify();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            Color background = UIManager.getColor("Parley.video.background");
            g2.setColor(background != null ? background : Color.BLACK);
            g2.fillRect(0, 0, getWidth(), getHeight());
            BufferedImage image = renderer.latest();
            if (image == null) {
                return;
            }
            double scale = contentMode == ContentMode.ASPECT_FIT
                    ? Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight())
                    : Math.max(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
            int w = (int) Math.round(image.getWidth() * scale);
            int h = (int) Math.round(image.getHeight() * scale);
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.drawImage(image, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
        } finally {
            g2.dispose();
        }
    }

    /** Latest-frame-wins conversion into two reused images, swapped under a lock. */
    private final class Renderer implements VideoSink {
        private ByteBuffer argb;
        private BufferedImage back;
        private BufferedImage front;
        private boolean repaintPending;

        @Override
        public void onFrame(VideoFrame frame) {
            int width = frame.width();
            int height = frame.height();
            if (argb == null || argb.capacity() < width * height * 4) {
                argb = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
            }
            frame.convertToArgb(argb);
            if (back == null || back.getWidth() != width || back.getHeight() != height) {
                back = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            }
            int[] pixels = ((DataBufferInt) back.getRaster().getDataBuffer()).getData();
            argb.asIntBuffer().get(pixels, 0, width * height);
            boolean schedule;
            synchronized (this) {
                BufferedImage shown = front;
                front = back;
                back = shown;
                schedule = !repaintPending;
                repaintPending = true;
            }
            if (schedule) {
                SwingUtilities.invokeLater(() -> {
                    synchronized (this) {
                        repaintPending = false;
                    }
                    repaint();
                });
            }
        }

        synchronized BufferedImage latest() {
            return front;
        }

        synchronized void clear() {
            front = null;
        }
    }
}
