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
}
