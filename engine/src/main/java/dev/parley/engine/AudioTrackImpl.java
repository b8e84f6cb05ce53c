package dev.parley.engine;

/**
 * A Parley {@link AudioTrack} over a native webrtc-java audio track, local or remote.
 *
 * <p>Threading: public methods from any thread; {@link #end} on the engine thread.
 */
final class AudioTrackImpl implements AudioTrack {

    private final RtcEngine rtc;
    private final long userId;
    private dev.onvoid.webrtc.media.audio.AudioTrack nativeTrack;
    private volatile boolean enabled = true;
    private volatile boolean ended;

    AudioTrackImpl(RtcEngine rtc, long userId, dev.onvoid.webrtc.media.audio.AudioTrack nativeTrack) {
        this.rtc = rtc;
        this.userId = userId;
        this.nativeTrack = nativeTrack;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        rtc.execute(() -> {
            if (!ended) {
                nativeTrack.setEnabled(enabled);
            }
        });
    }

    @Override
    public boolean isEnded() {
        return ended;
    }

    void end() {
        ended = true;
        nativeTrack = null;
    }

    @Override
    public String toString() {
        return "AudioTrack[user " + userId + (ended ? ", ended" : enabled ? "" : ", muted") + "]";
    }
}
