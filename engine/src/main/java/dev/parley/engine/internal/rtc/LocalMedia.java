package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.internal.call.PeerConnectionPort;
import dev.parley.engine.internal.call.SessionMedia;
import java.util.List;

/**
 * Not API. The native half of a session's {@code LocalMediaStream}: the microphone's track
 * (echo cancellation, noise suppression, gain control and high-pass filter on) and the
 * {@link LocalVideo}, both put on every peer connection the session makes, and closed with the
 * session.
 *
 * <p>Threading: engine thread only, but for the tracks' own methods.
 */
public final class LocalMedia implements SessionMedia {

    private final RtcEngine rtc;
    private final CallConfig config;
    private final String sessionId;
    private final String streamId;
    private final dev.onvoid.webrtc.media.audio.AudioTrack nativeAudio;
    private final NativeAudioTrack audio;
    private final LocalVideo video;
    private boolean closed;
    private boolean tapping;

    /** Creates the session's local tracks; on the engine thread. */
    public LocalMedia(RtcEngine rtc, CallConfig config, long localUserId, String sessionId, ConferenceType type) {
        assert rtc.isEngineThread();
        this.rtc = rtc;
        this.config = config;
        this.sessionId = sessionId;
        this.streamId = "parley-" + sessionId;
        AudioOptions options = new AudioOptions();
        options.echoCancellation = true;
        options.noiseSuppression = true;
        options.autoGainControl = true;
        options.highpassFilter = true;
        // webrtc-java offers no way to free an audio source: the track holds the only reference.
        AudioTrackSource audioSource = rtc.factory().createAudioSource(options);
        nativeAudio = NativeTracker.opened("audio track", rtc.factory().createAudioTrack("audio-" + sessionId, audioSource));
        audio = NativeAudioTrack.local(rtc, localUserId, nativeAudio, rtc.audio()::microphoneLevel);
        video = new LocalVideo(rtc, localUserId, sessionId, type == ConferenceType.VIDEO);
    }

    /** The microphone, as a Parley track. */
    public AudioTrack audio() {
        return audio;
    }

    @Override
    public double localAudioLevel() {
        return audio.level();
    }

    public LocalVideo video() {
        return video;
    }

    @Override
    public PeerConnectionPort connect(long userId, PeerConnectionPort.Events events) {
        if (!tapping) {
            tapping = true; // the call is on: listen to how loud the microphone is
            rtc.audio().tapOpened();
        }
        return new RtcConnection(rtc, config, this, userId, "session " + sessionId + " with user " + userId, events);
    }

    void addTo(RTCPeerConnection connection) {
        connection.addTrack(nativeAudio, List.of(streamId));
        video.addTo(connection, List.of(streamId));
    }

    void removeFrom(RTCPeerConnection connection) {
        video.removeSendersOf(connection);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tapping) {
            rtc.audio().tapClosed();
        }
        audio.end();
        video.close();
        nativeAudio.dispose();
        NativeTracker.closed("audio track");
    }
}
