package dev.parley.engine;

import dev.parley.engine.internal.DeviceSnapshot;
import dev.parley.engine.internal.rtc.DeviceWatch;
import dev.parley.engine.internal.rtc.SpeakerTone;
import java.awt.EventQueue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The microphones, speakers and cameras of this machine, and news of them being plugged in
 * and out. Choose a client's devices with {@link CallClient#setMicrophone} and
 * {@link CallClient#setSpeaker}, a camera with {@link CameraCapture}.
 *
 * <p>Without a sound system (no PulseAudio or PipeWire server on Linux) the microphone and
 * speaker lists are empty and calls run on silent, headless audio.
 *
 * <p>Threading: thread safe. While a listener is registered (or a client with sound devices
 * is open), the lists come from the last poll of a background thread, {@code parley-devices},
 * and reading them costs nothing; otherwise the first read asks the system, which takes a
 * few milliseconds (up to 3 s once per process when a sound server is installed but does not
 * answer).
 */
public final class Devices {

    private Devices() {
    }

    /** The microphones, by name; empty without a sound system. */
    public static List<AudioDevice> microphones() {
        return now().microphones();
    }

    /** The speakers, headphones and headsets, by name; empty without a sound system. */
    public static List<AudioDevice> speakers() {
        return now().speakers();
    }

    /** The cameras, in the system's order. */
    public static List<CameraDevice> cameras() {
        return now().cameras();
    }

    /** The system's default microphone, if it has one. */
    public static Optional<AudioDevice> defaultMicrophone() {
        return now().defaultMicrophone();
    }

    /** The system's default speaker, if it has one. */
    public static Optional<AudioDevice> defaultSpeaker() {
        return now().defaultSpeaker();
    }

    /**
     * Tells {@code listener} about devices plugged in and out, within a second, on the AWT event
     * thread, until the subscription closes.
     */
    public static Subscription addListener(DeviceListener listener) {
        return addListener(listener, EventQueue::invokeLater);
    }

    /** Tells {@code listener} about devices plugged in and out, on {@code executor}. */
    public static Subscription addListener(DeviceListener listener, Executor executor) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(executor, "executor");
        return DeviceWatch.instance().watch((before, after) ->
                executor.execute(() -> before.announceChanges(after, listener)));
    }

    /**
     * Plays a short chime on {@code speaker} (null: the system default), so that people can
     * hear that it is the right one; returns at once, and the sound stops by itself after about
     * a second.
     *
     * @throws MediaException if the speaker is not plugged in or there is no sound system
     */
    public static void playTestSound(AudioDevice speaker) {
        requirePlayable(speaker);
        SpeakerTone.playChime(speaker);
    }

    /**
     * Starts ringing on {@code speaker} (null: the system default) at {@code volume}, from 0
     * (silent) to 1 (the ring at half of full scale): 440 + 480 Hz, twice 0.4 s every 3 s, until
     * the returned ringtone is closed. The sound runs on a sound-system thread; this returns at
     * once.
     *
     * @throws MediaException if the speaker is not plugged in or there is no sound system
     * @throws IllegalArgumentException if {@code volume} is not within 0 to 1
     */
    public static Ringtone playRingtone(AudioDevice speaker, double volume) {
        if (!(volume >= 0 && volume <= 1)) {
            throw new IllegalArgumentException("volume must be within 0 and 1, was " + volume);
        }
        requirePlayable(speaker);
        return new Ringtone(SpeakerTone.ring(speaker, volume));
    }

    private static void requirePlayable(AudioDevice speaker) {
        if (speaker != null && speaker.kind() != AudioDevice.Kind.SPEAKER) {
            throw new IllegalArgumentException(speaker.name() + " is not a speaker");
        }
        DeviceSnapshot devices = now();
        if (devices.speakers().isEmpty()) {
            throw new MediaException("this machine has no speaker Parley can play on");
        }
        if (speaker != null && !devices.contains(speaker)) {
            throw new MediaException("speaker '" + speaker.name() + "' (" + speaker.id() + ") is not connected");
        }
    }

    private static DeviceSnapshot now() {
        return DeviceWatch.instance().current();
    }
}
