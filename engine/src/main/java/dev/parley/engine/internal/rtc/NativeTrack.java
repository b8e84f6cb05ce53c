package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.MediaStreamTrack;

/**
 * Not API. What the Parley audio and video tracks over a native webrtc-java track share: the
 * user they belong to, enabled and ended, and the native track, which can be swapped (a new
 * capture on the local video) and is forgotten when the track ends.
 *
 * <p>Threading: public methods from any thread; {@link #end} and {@link #replaceNative} on the
 * engine thread.
 */
abstract class NativeTrack<T extends MediaStreamTrack> {

    protected final RtcEngine rtc;
    private final long userId;
    protected T nativeTrack;
    private volatile boolean enabled = true;
    private volatile boolean ended;

    NativeTrack(RtcEngine rtc, long userId, T nativeTrack) {
        this.rtc = rtc;
        this.userId = userId;
        this.nativeTrack = nativeTrack;
    }

    public long userId() {
        return userId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Turns the track on or off; a disabled track sends (or plays) silence or black frames. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        rtc.execute(() -> {
            if (!ended && nativeTrack != null) {
                nativeTrack.setEnabled(enabled);
            }
        });
    }

    public boolean isEnded() {
        return ended;
    }

    /** Uses {@code replacement} from now on, enabled as this track is. */
    void replaceNative(T replacement) {
        nativeTrack = replacement;
        if (replacement != null) {
            replacement.setEnabled(enabled);
        }
    }

    /** Ends the track for good; must run before the native track is freed. */
    public void end() {
        ended = true;
        nativeTrack = null;
    }
}
