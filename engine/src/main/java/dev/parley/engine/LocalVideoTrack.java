package dev.parley.engine;

import dev.parley.engine.internal.call.EngineThread;
import dev.parley.engine.internal.rtc.LocalVideo;
import java.util.Objects;
import java.util.Optional;

/**
 * The local user's video in one session: whatever its {@link VideoCapture} delivers, sent to
 * every participant and shown in a local preview through {@link #addSink}. Disable it to turn
 * the camera off for the others (black frames are sent).
 *
 * <p>Lifecycle: owned by its {@link LocalMediaStream}; owns the capture set on it.
 *
 * <p>Threading: all methods are thread safe.
 */
public final class LocalVideoTrack implements VideoTrack {

    private final LocalVideo video;
    private final EngineThread engine;
    private final String sessionId;

    LocalVideoTrack(LocalVideo video, EngineThread engine, String sessionId) {
        this.video = video;
        this.engine = engine;
        this.sessionId = sessionId;
    }

    /**
     * Sends what {@code capture} delivers from now on, starting it if it is not running, with no
     * renegotiation: the other participants keep receiving on the same track. The track takes
     * ownership: the previous capture, if any, is closed, and this one is closed with the
     * session.
     *
     * @throws IllegalStateException if the session is audio-only or closed, or the capture is
     *     closed or already on another track
     * @throws MediaException if no video track can be made from the capture (it is closed then)
     */
    public void setVideoCapture(VideoCapture capture) {
        Objects.requireNonNull(capture, "capture");
        engine.call(() -> {
            if (!video.isSent()) {
                throw new IllegalStateException("session " + sessionId + " is audio-only: it sends no video");
            }
            if (video.isClosed()) {
                throw new IllegalStateException("session " + sessionId + " is closed: its video track takes no capture");
            }
            video.use(capture.attach(), capture);
            return null;
        });
        capture.startSession();
    }

    /** The capture this track sends, if one was set. */
    public Optional<VideoCapture> videoCapture() {
        return Optional.ofNullable((VideoCapture) video.capture());
    }

    @Override
    public long userId() {
        return video.handle().userId();
    }

    @Override
    public boolean isEnabled() {
        return video.handle().isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        video.handle().setEnabled(enabled);
    }

    @Override
    public boolean isEnded() {
        return video.handle().isEnded();
    }

    @Override
    public Subscription addSink(VideoSink sink) {
        return video.handle().addSink(sink);
    }

    @Override
    public String toString() {
        return "LocalVideoTrack[session " + sessionId + ", " + videoCapture().map(Object::toString).orElse("no capture")
                + "]";
    }
}
