package dev.parley.engine;

import dev.parley.engine.internal.rtc.MicrophoneTap;

/**
 * How loud a microphone is, outside any call: for a settings dialog's meter, so that people
 * can see their microphone works before they call. It opens the device on its own, beside any
 * call that uses it.
 *
 * <p>Lifecycle: listens from {@link #open} until {@link #close}.
 *
 * <p>Threading: thread safe.
 */
public final class MicrophoneMeter implements AutoCloseable {

    private final MicrophoneTap tap;

    private MicrophoneMeter(MicrophoneTap tap) {
        this.tap = tap;
    }

    /**
     * Starts listening to {@code microphone} (null: the system default). The level rises
     * about half a second to three seconds later, when the sound system delivers the first
     * audio.
     *
     * @throws MediaException if it is not plugged in, or there is no sound system
     */
    public static MicrophoneMeter open(AudioDevice microphone) {
        if (microphone != null && microphone.kind() != AudioDevice.Kind.MICROPHONE) {
            throw new IllegalArgumentException(microphone.name() + " is not a microphone");
        }
        if (microphone != null && !Devices.microphones().contains(microphone)) {
            throw new MediaException("microphone '" + microphone.name() + "' (" + microphone.id()
                    + ") is not connected");
        }
        if (Devices.microphones().isEmpty()) {
            throw new MediaException("this machine has no microphone Parley can listen to");
        }
        return new MicrophoneMeter(new MicrophoneTap(microphone));
    }

    /** How loud the microphone is now, 0.0 to 1.0, as {@link AudioTrack#level()}. */
    public double level() {
        return tap.level();
    }

    /** Stops listening and frees the device. Idempotent. */
    @Override
    public void close() {
        tap.close();
    }
}
