package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.parley.engine.AudioTrack;
import dev.parley.engine.internal.AudioLevel;
import java.util.function.DoubleSupplier;

/**
 * Not API. A Parley {@link AudioTrack} over a native webrtc-java audio track, local or remote.
 * A remote track measures its level from the decoded audio that plays; the local one reads the
 * client's microphone tap (libwebrtc gives a local track's sinks no audio), and 0 while muted.
 * A remote track measures only while something can play: not while it is disabled or while the
 * server holds it back, since every measured 10 ms of audio is a call from native code.
 *
 * <p>Threading: public methods from any thread; {@link #end} on the engine thread.
 */
public final class NativeAudioTrack extends NativeTrack<dev.onvoid.webrtc.media.audio.AudioTrack> implements AudioTrack {

    private final DoubleSupplier level;
    private final AudioTrackSink sink;
    private volatile boolean held;
    /** Whether the sink is on the native track; engine thread only. */
    private boolean metering;

    private NativeAudioTrack(RtcEngine rtc, long userId, dev.onvoid.webrtc.media.audio.AudioTrack nativeTrack,
            DoubleSupplier level, AudioTrackSink sink) {
        super(rtc, userId, nativeTrack);
        this.level = level;
        this.sink = sink;
        if (sink != null) {
            nativeTrack.addSink(sink);
            metering = true;
        }
    }

    /** A remote participant's audio, measured as it plays. */
    static NativeAudioTrack remote(RtcEngine rtc, long userId, dev.onvoid.webrtc.media.audio.AudioTrack nativeTrack) {
        AudioLevel meter = new AudioLevel();
        AudioTrackSink sink = (data, bitsPerSample, sampleRate, channels, frames) ->
                meter.addPcm16(data, frames * channels * (bitsPerSample / 8));
        return new NativeAudioTrack(rtc, userId, nativeTrack, meter::level, sink);
    }

    /** The local microphone, as loud as {@code microphoneLevel} says. */
    static NativeAudioTrack local(RtcEngine rtc, long userId, dev.onvoid.webrtc.media.audio.AudioTrack nativeTrack,
            DoubleSupplier microphoneLevel) {
        return new NativeAudioTrack(rtc, userId, nativeTrack, microphoneLevel, null);
    }

    @Override
    public double level() {
        return isEnded() || !isEnabled() ? 0 : level.getAsDouble();
    }

    @Override
    public void setEnabled(boolean enabled) {
        super.setEnabled(enabled);
        rtc.execute(this::updateMetering);
    }

    /** Whether the server holds this audio back (muted for this user alone): nothing plays, nothing is measured. */
    public void setHeld(boolean held) {
        this.held = held;
        rtc.execute(this::updateMetering);
    }

    private void updateMetering() {
        boolean wanted = sink != null && !isEnded() && isEnabled() && !held;
        if (wanted != metering && nativeTrack != null) {
            if (wanted) {
                nativeTrack.addSink(sink);
            } else {
                nativeTrack.removeSink(sink);
            }
            metering = wanted;
        }
    }

    @Override
    public void end() {
        if (metering && nativeTrack != null) {
            nativeTrack.removeSink(sink);
            metering = false;
        }
        super.end();
    }

    @Override
    public String toString() {
        return "AudioTrack[user " + userId() + (isEnded() ? ", ended" : isEnabled() ? "" : ", muted") + "]";
    }
}
