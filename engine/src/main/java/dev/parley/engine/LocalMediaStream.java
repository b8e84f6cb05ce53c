package dev.parley.engine;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import java.util.List;

/**
 * What the local user sends in one session, as QuickBlox's {@code localMediaStream}: the
 * microphone as an {@link AudioTrack} and, in a video session, a {@link LocalVideoTrack} fed by
 * a {@link VideoCapture}. Disable a track to mute it.
 *
 * <p>Lifecycle: created with its session and closed with it; it owns its native tracks and
 * sources and the capture set on its video track.
 *
 * <p>Threading: all methods are thread safe.
 */
public final class LocalMediaStream {

    private final dev.onvoid.webrtc.media.audio.AudioTrack nativeAudio;
    private final AudioTrackImpl audioTrack;
    private final LocalVideoTrack videoTrack;
    private final String streamId;
    private boolean closed;

    LocalMediaStream(RtcEngine rtc, long localUserId, String sessionId, ConferenceType type) {
        assert rtc.isEngineThread();
        streamId = "parley-" + sessionId;
        AudioOptions options = new AudioOptions();
        options.echoCancellation = true;
        options.noiseSuppression = true;
        options.autoGainControl = true;
        options.highpassFilter = true;
        // webrtc-java offers no way to free an audio source: the track holds the only reference.
        AudioTrackSource audioSource = rtc.factory().createAudioSource(options);
        nativeAudio = NativeTracker.opened("audio track", rtc.factory().createAudioTrack("audio-" + sessionId, audioSource));
        audioTrack = new AudioTrackImpl(rtc, localUserId, nativeAudio);
        videoTrack = new LocalVideoTrack(rtc, localUserId, sessionId, type == ConferenceType.VIDEO);
    }

    /** The microphone. Disable it to mute: silence is sent. */
    public AudioTrack audioTrack() {
        return audioTrack;
    }

    /**
     * The local video. In an audio session it exists but sends nothing and takes no capture.
     */
    public LocalVideoTrack videoTrack() {
        return videoTrack;
    }

    /** Adds the local tracks to a new peer connection; runs on the engine thread. */
    void addTo(RTCPeerConnection connection) {
        connection.addTrack(nativeAudio, List.of(streamId));
        if (videoTrack.isSent()) {
            RTCRtpSender sender = connection.addTrack(videoTrack.nativeTrack(), List.of(streamId));
            videoTrack.addSender(connection, sender);
        }
    }

    /** Forgets the senders of a peer connection that is about to close; engine thread. */
    void removeFrom(RTCPeerConnection connection) {
        videoTrack.removeSendersOf(connection);
    }

    /** Releases the native tracks, sources and capture; engine thread. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        audioTrack.end();
        videoTrack.close();
        nativeAudio.dispose();
        NativeTracker.closed("audio track");
    }
}
