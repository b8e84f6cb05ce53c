package dev.parley.components;

import dev.parley.engine.VideoTrack;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.Objects;
import javax.accessibility.AccessibleContext;

/**
 * Shows a remote participant's {@link VideoTrack}, as QuickBlox's {@code QBRTCRemoteVideoView}.
 * Video is fitted ({@link ContentMode#ASPECT_FIT}, letterboxed) or filled
 * ({@link ContentMode#ASPECT_FILL}, cropped). Without video it shows a placeholder with the
 * participant's name and initials: when there is no track, when the track is disabled or has
 * ended, before the first frame, and when frames stop or turn black (the sender turned its
 * camera off) it says so instead of showing black.
 *
 * <p>Rendering: frames are converted with libyuv on the media thread into reused images; only
 * the latest frame is kept and one repaint is asked for at a time, so frames never queue on the
 * EDT. A view that is not showing detaches from the track and converts nothing.
 *
 * <p>Theme keys:
 * <ul>
 * <li>{@code @uiDefault Parley.video.background Color} behind and around the picture
 * <li>{@code @uiDefault Parley.video.placeholderBackground Color}
 * <li>{@code @uiDefault Parley.video.placeholderForeground Color} placeholder text
 * <li>{@code @uiDefault Parley.video.avatarBackground Color} the initials' circle
 * <li>{@code @uiDefault Parley.video.avatarForeground Color} the initials
 * <li>{@code @uiDefault Parley.incoming.avatarWidth int} largest initials circle
 * <li>{@code @uiDefault Parley.video.staleMillis int} how long without frames counts as paused
 * </ul>
 *
 * <p>Threading: EDT only.
 */
public class RemoteVideoView extends VideoComponent {

    private final VideoCanvas canvas = new VideoCanvas(this);
    private ContentMode contentMode = ContentMode.ASPECT_FIT;
    private String participantName;

    /** An empty view; set a track to show video. */
    public RemoteVideoView() {
        setOpaque(true);
        setPreferredSize(new Dimension(320, 240));
        getAccessibleContext().setAccessibleName(Theme.text("video.noVideo"));
    }

    /** Shows {@code track}; {@code null} clears the view to its placeholder. */
    public void setVideoTrack(VideoTrack track) {
        canvas.setTrack(track);
        updateAccessibleName();
    }

    /** The track being shown, or {@code null}. */
    public VideoTrack videoTrack() {
        return canvas.track();
    }

    /** How video fits the view; {@link ContentMode#ASPECT_FIT} by default. */
    public void setContentMode(ContentMode mode) {
        contentMode = Objects.requireNonNull(mode, "mode");
        repaint();
    }

    /** How video fits the view. */
    public ContentMode contentMode() {
        return contentMode;
    }

    /** The name the placeholder shows (with its initials); {@code null} for none. */
    public void setParticipantName(String name) {
        participantName = name;
        updateAccessibleName();
        repaint();
    }

    /** The name the placeholder shows, or {@code null}. */
    public String participantName() {
        return participantName;
    }

    /** Whether the view shows video now, rather than its placeholder. */
    public boolean isShowingVideo() {
        return canvas.showsVideo();
    }

    /** Whether the view is receiving frames now (it is showing and has a track). */
    public boolean isReceivingFrames() {
        return canvas.isAttached();
    }

    /** The size of the video received now, in pixels, or empty while the placeholder shows. */
    public java.util.Optional<java.awt.Dimension> videoSize() {
        return java.util.Optional.ofNullable(canvas.videoSize());
    }

    /** The image this view painted last, or {@code null} without video (for measurements). */
    java.awt.image.BufferedImage shownImage() {
        return canvas.shownImage();
    }

    /** The size frames are converted at for this view (its device pixels, when smaller than the stream); null without video. */
    java.awt.Dimension convertedSize() {
        return canvas.convertedSize();
    }

    /** What the placeholder says now ("No video", "Video paused"). */
    public String placeholderText() {
        return canvas.isPaused() ? Theme.text("video.paused") : Theme.text("video.noVideo");
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            canvas.paint(g2, contentMode, false, participantName, placeholderText());
        } finally {
            g2.dispose();
        }
    }

    private void updateAccessibleName() {
        AccessibleContext context = getAccessibleContext();
        String who = participantName != null ? participantName : Theme.text("video.noVideo");
        context.setAccessibleName(who);
    }
}
