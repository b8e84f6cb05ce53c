package dev.parley.engine;

/**
 * A participant's audio: the local microphone or a remote participant's voice, which plays on
 * the speaker by itself.
 *
 * <p>Threading: all methods may be called from any thread.
 */
public interface AudioTrack {

    /** The user this audio comes from. */
    long userId();

    /**
     * Whether the track is enabled. Disabling the local track mutes the microphone (silence is
     * sent); disabling a remote track silences that participant locally.
     */
    boolean isEnabled();

    /** Enables or disables the track. */
    void setEnabled(boolean enabled);

    /** Whether the track has ended (its session closed). */
    boolean isEnded();

    /**
     * How loud this participant is now, from 0.0 (silence) to 1.0: the RMS of the last 10 ms of
     * audio relative to full scale, falling back slowly (a full-scale sine reads 0.71, speech
     * usually 0.02 to 0.2). The local track reads the microphone and 0 while muted; a remote
     * track reads what plays. 0 without sound devices and after the track ends.
     */
    default double level() {
        return 0;
    }
}
