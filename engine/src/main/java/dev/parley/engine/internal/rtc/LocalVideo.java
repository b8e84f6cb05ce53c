package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.parley.engine.MediaException;
import dev.parley.engine.VideoTrack;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The native half of a session's {@code LocalVideoTrack}: the native track that is
 * sent (made from a blank source until a capture is set), its senders on the session's peer
 * connections, and the capture that feeds it, which it owns: a new capture's track replaces
 * the old one on every sender without renegotiation, and the old capture is closed.
 *
 * <p>Threading: engine thread only, but for {@link #handle()}, whose methods are thread safe.
 */
public final class LocalVideo {

    private static final Logger log = LoggerFactory.getLogger(LocalVideo.class);
    private static final AtomicInteger TRACK_NUMBERS = new AtomicInteger();

    private final RtcEngine rtc;
    private final String sessionId;
    private final boolean sent;
    private final NativeVideoTrack handle;
    private final Map<RTCPeerConnection, RTCRtpSender> senders = new IdentityHashMap<>();
    private CustomVideoSource blankSource;
    private dev.onvoid.webrtc.media.video.VideoTrack nativeTrack;
    private volatile AutoCloseable capture;
    private boolean closed;

    LocalVideo(RtcEngine rtc, long localUserId, String sessionId, boolean sent) {
        this.rtc = rtc;
        this.sessionId = sessionId;
        this.sent = sent;
        if (sent) {
            blankSource = NativeTracker.opened("video source", new CustomVideoSource());
            nativeTrack = NativeTracker.opened("video track", rtc.factory().createVideoTrack(nextTrackId(), blankSource));
        }
        handle = new NativeVideoTrack(rtc, localUserId, nativeTrack);
    }

    /** A local video that no session sends: a preview before a call. Close it with {@link #close()}. */
    public static LocalVideo preview(RtcEngine rtc, long localUserId) {
        return new LocalVideo(rtc, localUserId, "preview", true);
    }

    /** The local video as a Parley track, for previews: enable, disable, sinks. */
    public VideoTrack handle() {
        return handle;
    }

    /** Whether this session sends video at all (not in an audio session). */
    public boolean isSent() {
        return sent;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The capture that feeds the track, once one was set. */
    public AutoCloseable capture() {
        return capture;
    }

    /**
     * Sends what {@code source} delivers from now on; {@code owner} (the capture holding the
     * source) is closed when another replaces it or the session ends. If no track can be made
     * from the source, {@code owner} is closed too (nobody else would) and a
     * {@link MediaException} is thrown.
     */
    public void use(CaptureSource source, AutoCloseable owner) {
        dev.onvoid.webrtc.media.video.VideoTrack replacement;
        try {
            replacement = NativeTracker.opened("video track",
                    rtc.factory().createVideoTrack(nextTrackId(), source.nativeSource()));
        } catch (RuntimeException e) {
            closeQuietly(owner);
            throw new MediaException("no video track could be made from " + owner, e);
        }
        for (RTCRtpSender sender : senders.values()) {
            sender.replaceTrack(replacement);
        }
        handle.replaceNative(replacement);
        disposeNativeTrack();
        nativeTrack = replacement;
        AutoCloseable previous = capture;
        capture = owner;
        closeQuietly(previous);
    }

    void addTo(RTCPeerConnection connection, java.util.List<String> streamIds) {
        if (sent) {
            senders.put(connection, connection.addTrack(nativeTrack, streamIds));
        }
    }

    void removeSendersOf(RTCPeerConnection connection) {
        senders.remove(connection);
    }

    /** Ends the track and frees the native track, the blank source and the capture. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // the capture first: no frame may be on its way into the track while the track goes
        closeQuietly(capture);
        handle.end();
        senders.clear();
        disposeNativeTrack();
        if (blankSource != null) {
            blankSource.dispose();
            NativeTracker.closed("video source");
            blankSource = null;
        }
    }

    private void disposeNativeTrack() {
        if (nativeTrack != null) {
            nativeTrack.dispose();
            NativeTracker.closed("video track");
            nativeTrack = null;
        }
    }

    private static void closeQuietly(AutoCloseable capture) {
        if (capture == null) {
            return;
        }
        try {
            capture.close();
        } catch (Exception e) {
            log.warn("closing {} failed: {}", capture, e.toString());
        }
    }

    private String nextTrackId() {
        return "video-" + sessionId + "-" + TRACK_NUMBERS.incrementAndGet();
    }
}
