package dev.parley.components;

import dev.parley.engine.VideoTrack;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.Objects;

/**
 * The local camera (or test pattern) preview, mirrored by default as people expect of a
 * self-view. Shows "Camera off" when there is no track or the local video track is disabled.
 * Bind it to {@code session.localMediaStream().videoTrack()}.
 *
 * <p>Rendering as {@link RemoteVideoView}: libyuv off the EDT into reused images, latest frame
 * only, nothing converted while the panel is not showing.
 *
 * <p>Theme keys: the {@code Parley.video.*} keys of {@link RemoteVideoView}, and
 * <ul>
 * <li>{@code @uiDefault Parley.localPreview.width int} preferred width of the preview
 * </ul>
 *
 * <p>Threading: EDT only.
 */
public class LocalVideoPanel extends VideoComponent {

    private final VideoCanvas canvas = new VideoCanvas(this);
    private boolean mirrored = true;
    private ContentMode contentMode = ContentMode.ASPECT_FILL;

    /** An empty preview; set the local video track to show it. */
    public LocalVideoPanel() {
        setOpaque(true);
        int width = Theme.size("Parley.localPreview.width");
        setPreferredSize(new Dimension(width, width * 3 / 4));
        getAccessibleContext().setAccessibleName(Theme.text("tile.you"));
    }

    /** Shows {@code track} (the local video track); {@code null} shows "Camera off". */
    public void setVideoTrack(VideoTrack track) {
        canvas.setTrack(track);
    }

    /** The track being previewed, or {@code null}. */
    public VideoTrack videoTrack() {
        return canvas.track();
    }

    /** Mirrors the preview left to right (the default), as a mirror would. */
    public void setMirrored(boolean mirrored) {
        this.mirrored = mirrored;
        repaint();
    }

    /** Whether the preview is mirrored. */
    public boolean isMirrored() {
        return mirrored;
    }

    /** How the preview fits the panel; {@link ContentMode#ASPECT_FILL} by default. */
    public void setContentMode(ContentMode mode) {
        contentMode = Objects.requireNonNull(mode, "mode");
        repaint();
    }

    /** How the preview fits the panel. */
    public ContentMode contentMode() {
        return contentMode;
    }

    /** Whether the panel shows the camera now, rather than "Camera off". */
    public boolean isShowingVideo() {
        return canvas.showsVideo();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            canvas.paint(g2, contentMode, mirrored, null, Theme.text("video.cameraOff"));
        } finally {
            g2.dispose();
        }
    }
}
