package dev.parley.engine;

import java.util.Objects;

/**
 * A microphone or a speaker the machine has, as {@link Devices} lists it.
 *
 * <p>Threading: immutable.
 *
 * @param id the sound system's identifier of the device (on Linux the PulseAudio source or
 *     sink name); stable while the device is plugged in, and what identifies it
 * @param name the name people see, e.g. "Built-in Audio Analog Stereo"
 * @param kind microphone or speaker
 */
public record AudioDevice(String id, String name, Kind kind) {

    /** What a device does. */
    public enum Kind {
        /** Records: a microphone, a headset's microphone, a line input. */
        MICROPHONE,
        /** Plays: speakers, headphones, a headset. */
        SPEAKER
    }

    /** Checks that every part is given. */
    public AudioDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return name;
    }
}
