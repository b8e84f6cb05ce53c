package dev.parley.engine;

/**
 * Which audio device module the engine uses for microphone and speaker.
 *
 * <p>Threading: immutable.
 */
public enum AudioDeviceMode {
    /** The system's devices when the machine has a microphone and a speaker, else {@link #HEADLESS}. */
    AUTO,
    /** Always the system's devices (fails when there are none). */
    SYSTEM,
    /** No devices at all: silence is sent and received audio is discarded (servers, CI). */
    HEADLESS
}
