package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.MediaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. A generated sound on one speaker, with an audio device module of its own, until
 * {@link #close()}: the chime of the settings' test sound ({@link #playChime}) and the ringtone
 * ({@link #ring}). The module is its owner's: whoever starts a tone closes it.
 *
 * <p>Threading: thread safe; the samples are made on the module's playout thread.
 */
public final class SpeakerTone implements AutoCloseable {

    /** A sound: its amplitude, from -1 to 1, at a time from its start. */
    @FunctionalInterface
    public interface Wave {
        double at(double seconds);
    }

    private static final Logger log = LoggerFactory.getLogger(SpeakerTone.class);
    static final int FIRST_HZ = 660;
    static final int SECOND_HZ = 880;
    private static final double NOTE_SECONDS = 0.4;
    private static final double CHIME_AMPLITUDE = 0.3;

    /** The ringtone: 440 + 480 Hz (the North American ring), 0.4 s on, 0.2 off, 0.4 on, 2 off. */
    static final double[][] RING_SEGMENTS = {{0.4, 1}, {0.2, 0}, {0.4, 1}, {2.0, 0}};
    private static final double RING_PERIOD = 3.0;

    private final String kind;
    private final AudioDeviceModule module;
    private boolean closed;

    private SpeakerTone(String kind, AudioDeviceModule module) {
        this.kind = kind;
        this.module = module;
    }

    /**
     * Starts {@code wave} on {@code speaker} (null: the system default).
     *
     * @throws MediaException if the speaker cannot be opened
     */
    public static SpeakerTone start(AudioDevice speaker, String kind, Wave wave) {
        NativeLibrary.load();
        AudioDeviceModule module = NativeTracker.opened(kind, new AudioDeviceModule());
        SpeakerTone tone = new SpeakerTone(kind, module);
        long[] played = new long[1];
        try {
            module.setAudioSource((buffer, frames, bytesPerFrame, channels, rate) -> {
                for (int i = 0; i < frames; i++) {
                    double value = Math.max(-1, Math.min(1, wave.at((double) (played[0] + i) / rate)));
                    short sample = (short) (value * Short.MAX_VALUE);
                    for (int c = 0; c < channels; c++) {
                        int at = (i * channels + c) * 2;
                        buffer[at] = (byte) sample;
                        buffer[at + 1] = (byte) (sample >> 8);
                    }
                }
                played[0] += frames;
                return frames;
            });
            new AudioModuleControl(module).useSpeaker(speaker);
            module.initPlayout();
            module.startPlayout();
        } catch (RuntimeException | Error e) {
            tone.close();
            throw e instanceof MediaException me ? me
                    : new MediaException("the " + kind + " could not be played: " + e.getMessage(), e);
        }
        return tone;
    }

    /** Plays a two-note chime (660 then 880 Hz) of about a second; it closes by itself. */
    public static void playChime(AudioDevice speaker) {
        SpeakerTone tone = start(speaker, "test sound", t -> {
            double hz = t < NOTE_SECONDS ? FIRST_HZ : SECOND_HZ;
            double fade = Math.max(0, Math.min(1, Math.min(t, 2 * NOTE_SECONDS - t) * 50));
            return fade * CHIME_AMPLITUDE * Math.sin(2 * Math.PI * hz * t);
        });
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep((long) (2 * NOTE_SECONDS * 1000) + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tone.close();
        }, "parley-test-sound");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Starts the ringtone at {@code volume} (0 to 1 of full scale); it rings until closed. */
    public static SpeakerTone ring(AudioDevice speaker, double volume) {
        return start(speaker, "ringtone", t -> volume * ringAt(t));
    }

    /** The ringtone's wave at full volume (peaks at half of full scale). */
    static double ringAt(double seconds) {
        double t = seconds % RING_PERIOD;
        for (double[] segment : RING_SEGMENTS) {
            if (t < segment[0]) {
                double fade = Math.min(1, Math.min(t, segment[0] - t) * 100); // no clicks at the edges
                return segment[1] * fade * 0.25 * (Math.sin(2 * Math.PI * 440 * seconds)
                        + Math.sin(2 * Math.PI * 480 * seconds));
            }
            t -= segment[0];
        }
        return 0;
    }

    /** Stops the sound and frees the module. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            module.stopPlayout();
        } catch (RuntimeException | Error e) {
            log.debug("{}: playout had already stopped", kind);
        }
        module.dispose();
        NativeTracker.closed(kind);
    }
}
