package dev.parley.engine;

import dev.parley.engine.internal.rtc.LocalVideo;
import dev.parley.engine.internal.rtc.RtcEngine;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Local video before a call: what a camera (or any capture) shows, as a {@link VideoTrack} a
 * preview widget can display, sent to nobody. For a pre-join check:
 *
 * <pre>{@code
 * try (VideoPreview preview = VideoPreview.open(client, new CameraCapture(VideoFormat.DEFAULT, camera))) {
 *     localVideoPanel.setVideoTrack(preview.videoTrack());
 *     ...
 * }
 * }</pre>
 *
 * <p>The preview owns its capture, as a session's track does: it closes it when another one
 * replaces it and when the preview closes. Give the call a capture of its own.
 *
 * <p>Threading: thread safe.
 */
public final class VideoPreview implements AutoCloseable {

    private final CallClient client;
    private final RtcEngine rtc;
    private final LocalVideo video;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile VideoCapture capture;

    private VideoPreview(CallClient client, LocalVideo video) {
        this.client = client;
        this.rtc = client.rtc();
        this.video = video;
    }

    /**
     * A preview of {@code capture} on {@code client}'s engine, started at once. The client owns
     * it too: closing the client closes the preview.
     *
     * @throws MediaException if no track can be made from the capture (which is closed then)
     * @throws IllegalStateException if the client or the capture is closed
     */
    public static VideoPreview open(CallClient client, VideoCapture capture) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(capture, "capture");
        RtcEngine rtc = client.rtc();
        VideoPreview preview = new VideoPreview(client, rtc.call(() -> LocalVideo.preview(rtc, client.userId())));
        client.adopt(preview);
        try {
            preview.setVideoCapture(capture);
        } catch (RuntimeException e) {
            preview.close();
            throw e;
        }
        return preview;
    }

    /** The previewed video, for a {@code LocalVideoPanel}. */
    public VideoTrack videoTrack() {
        return video.handle();
    }

    /**
     * Shows {@code capture} instead; the previous capture is closed.
     *
     * @throws IllegalStateException if the preview is closed
     */
    public void setVideoCapture(VideoCapture capture) {
        Objects.requireNonNull(capture, "capture");
        rtc.call(() -> {
            if (closed.get()) {
                throw new IllegalStateException("the preview is closed");
            }
            video.use(capture.attach(), capture);
            this.capture = capture;
            return null;
        });
        capture.startSession();
    }

    /** The capture shown now. */
    public Optional<VideoCapture> videoCapture() {
        return Optional.ofNullable(capture);
    }

    /** Ends the preview and closes its capture. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.release(this);
            try {
                rtc.call(() -> {
                    video.close();
                    return null;
                });
            } catch (IllegalStateException e) {
                // the client's engine closed meanwhile, and the preview with it
            }
        }
    }

    /** Closes the preview on the engine thread, as its client closes. */
    void closeWithClient() {
        if (closed.compareAndSet(false, true)) {
            video.close();
        }
    }
}
