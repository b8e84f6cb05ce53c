package dev.parley.components;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.VideoTrack;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.HierarchyEvent;
import java.util.Objects;
import javax.swing.Timer;

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
 * <li>{@code @uiDefault Parley.localPreview.meterWidth int} width of the microphone meter
 * <li>{@code @uiDefault Parley.level.foreground Color} the lit part of the meter
 * <li>{@code @uiDefault Parley.level.background Color} the rest of the meter
 * </ul>
 *
 * <p>With an audio track ({@link #setAudioTrack}), a meter at its right edge shows how loud
 * the microphone is, so people can check it before and during a call.
 *
 * <p>Threading: EDT only.
 */
public class LocalVideoPanel extends VideoComponent {

    private final VideoCanvas canvas = new VideoCanvas(this);
    private boolean mirrored = true;
    private ContentMode contentMode = ContentMode.ASPECT_FILL;
    private final Timer meterTimer = new Timer(66, e -> repaintMeter());
    private AudioTrack audioTrack;
    private double shownLevel = -1;

    /** An empty preview; set the local video track to show it. */
    public LocalVideoPanel() {
        setOpaque(true);
        int width = Theme.size("Parley.localPreview.width");
        setPreferredSize(new Dimension(width, width * 3 / 4));
        getAccessibleContext().setAccessibleName(Theme.text("tile.you"));
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                followMeter();
            }
        });
    }

    /**
     * Shows how loud {@code track} (the local microphone) is, in a meter at the right edge, 15
     * times a second while the panel shows; {@code null} hides the meter.
     */
    public void setAudioTrack(AudioTrack track) {
        audioTrack = track;
        shownLevel = -1;
        followMeter();
        repaint();
    }

    /** The microphone shown in the meter, or {@code null}. */
    public AudioTrack audioTrack() {
        return audioTrack;
    }

    /** The level the meter shows now (0.0 to 1.0), or -1 without a meter. */
    public double meterLevel() {
        return audioTrack == null ? -1 : Math.max(shownLevel, 0);
    }

    private void followMeter() {
        if (audioTrack != null && isShowing()) {
            meterTimer.start();
        } else {
            meterTimer.stop();
        }
    }

    private void repaintMeter() {
        double level = audioTrack == null || audioTrack.isEnded() ? 0 : audioTrack.level();
        if (Math.abs(level - shownLevel) > 0.0005) {
            shownLevel = level;
            getAccessibleContext().setAccessibleDescription(Theme.text("localPreview.level") + " "
                    + Math.round(LevelBars.fraction(level) * 100) + "%");
            int width = Theme.size("Parley.localPreview.meterWidth");
            repaint(getWidth() - 3 * width, 0, 3 * width, getHeight());
        }
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
            if (audioTrack != null) {
                int width = Theme.size("Parley.localPreview.meterWidth");
                int height = getHeight() / 2;
                LevelBars.paintMeter(g2, getWidth() - 2 * width, (getHeight() - height) / 2, width, height,
                        Math.max(shownLevel, 0), Theme.color("Parley.level.foreground"),
                        Theme.paint("Parley.level.background"));
            }
        } finally {
            g2.dispose();
        }
    }
}
