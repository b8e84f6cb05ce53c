package dev.parley.engine.internal.rtc;

import dev.parley.engine.AudioTrack;

/**
 * Not API. A Parley {@link AudioTrack} over a native webrtc-java audio track, local or remote.
 *
 * <p>Threading: public methods from any thread; {@link #end} on the engine thread.
 */
public final class NativeAudioTrack extends NativeTrack<dev.onvoid.webrtc.media.audio.AudioTrack> implements AudioTrack {

    NativeAudioTrack(RtcEngine rtc, long userId, dev.onvoid.webrtc.media.audio.AudioTrack nativeTrack) {
        super(rtc, userId, nativeTrack);
    }

    @Override
    public String toString() {
        return "AudioTrack[user " + userId() + (isEnded() ? ", ended" : isEnabled() ? "" : ", muted") + "]";
    }
}
