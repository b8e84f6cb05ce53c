package dev.parley.engine;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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

    private static final AtomicInteger TRACK_NUMBERS = new AtomicInteger();

    private final RtcEngine rtc;
    private final String sessionId;
    private final boolean sent;
    private final VideoTrackImpl handle;
    private final Map<RTCPeerConnection, RTCRtpSender> senders = new IdentityHashMap<>();
    private CustomVideoSource blankSource;
    private dev.onvoid.webrtc.media.video.VideoTrack nativeTrack;
    private volatile VideoCapture capture;
    private boolean closed;

    LocalVideoTrack(RtcEngine rtc, long localUserId, String sessionId, boolean sent) {
        this.rtc = rtc;
        this.sessionId = sessionId;
        this.sent = sent;
        if (sent) {
            blankSource = NativeTracker.opened("video source", new CustomVideoSource());
            nativeTrack = NativeTracker.opened("video track",
                    rtc.factory().createVideoTrack(nextTrackId(), blankSource));
        }
        handle = new VideoTrackImpl(rtc, localUserId, nativeTrack);
    }

    /**
     * Sends what {@code capture} delivers from now on, starting it if it is not running. The
     * track takes ownership: the previous capture, if any, is closed, and this one is closed
     * with the session.
     *
     * @throws IllegalStateException if the session is audio-only or closed, or the capture is
     *     closed or already on another track
     */
    public void setVideoCapture(VideoCapture capture) {
        java.util.Objects.requireNonNull(capture, "capture");
        rtc.call(() -> {
            if (!sent) {
                throw new IllegalStateException("session " + sessionId + " is audio-only: it sends no video");
            }
            if (closed) {
                throw new IllegalStateException("session " + sessionId + " is closed: its video track takes no capture");
            }
            dev.onvoid.webrtc.media.video.VideoTrack replacement;
            try {
                replacement = NativeTracker.opened("video track",
                        rtc.factory().createVideoTrack(nextTrackId(), capture.attach()));
            } catch (RuntimeException e) {
                // the track took ownership with attach(); nobody else will close the capture now
                capture.close();
                throw new MediaException("no video track could be made from " + capture, e);
            }
            for (RTCRtpSender sender : senders.values()) {
                sender.replaceTrack(replacement);
            }
            handle.replaceNative(replacement);
            disposeNativeTrack();
            nativeTrack = replacement;
            VideoCapture previous = this.capture;
            this.capture = capture;
            if (previous != null) {
                previous.close();
            }
            return null;
        });
        capture.startSession();
    }

    /** The capture this track sends, if one was set. */
    public Optional<VideoCapture> videoCapture() {
        return Optional.ofNullable(capture);
    }

    @Override
    public long userId() {
        return handle.userId();
    }

    @Override
    public boolean isEnabled() {
        return handle.isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        handle.setEnabled(enabled);
    }

    @Override
    public boolean isEnded() {
        return handle.isEnded();
    }

    @Override
    public Subscription addSink(VideoSink sink) {
        return handle.addSink(sink);
    }

    boolean isSent() {
        return sent;
    }

    dev.onvoid.webrtc.media.video.VideoTrack nativeTrack() {
        return nativeTrack;
    }

    void addSender(RTCPeerConnection owner, RTCRtpSender sender) {
        senders.put(owner, sender);
    }

    void removeSendersOf(RTCPeerConnection connection) {
        senders.remove(connection);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        handle.end();
        senders.clear();
        disposeNativeTrack();
        if (blankSource != null) {
            blankSource.dispose();
            NativeTracker.closed("video source");
            blankSource = null;
        }
        VideoCapture owned = capture;
        if (owned != null) {
            owned.close();
        }
    }

    private void disposeNativeTrack() {
        if (nativeTrack != null) {
            nativeTrack.dispose();
            NativeTracker.closed("video track");
            nativeTrack = null;
        }
    }

    private String nextTrackId() {
        return "video-" + sessionId + "-" + TRACK_NUMBERS.incrementAndGet();
    }

    @Override
    public String toString() {
        return "LocalVideoTrack[session " + sessionId + ", " + (capture == null ? "no capture" : capture) + "]";
    }
}
