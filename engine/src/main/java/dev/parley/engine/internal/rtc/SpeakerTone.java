package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.MediaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Plays a short two-note chime on a speaker, with an audio device module of its own,
 * so people can check that they hear the speaker they chose. Each chime runs on its own
 * thread ({@code parley-test-sound}), which frees the module when the chime ends.
 *
 * <p>Threading: thread safe.
 */
public final class SpeakerTone {

    private static final Logger log = LoggerFactory.getLogger(SpeakerTone.class);
    static final int FIRST_HZ = 660;
    static final int SECOND_HZ = 880;
    private static final int NOTE_MILLIS = 400;
    private static final double AMPLITUDE = 0.3;

    private SpeakerTone() {
    }

    /**
     * Starts the chime on {@code speaker} (null: the system default).
     *
     * @throws MediaException if the speaker cannot be opened
     */
    public static void play(AudioDevice speaker) {
        NativeLibrary.load();
        AudioDeviceModule module = NativeTracker.opened("test sound", new AudioDeviceModule());
        long[] played = new long[1];
        try {
            module.setAudioSource((buffer, frames, bytesPerFrame, channels, rate) -> {
                for (int i = 0; i < frames; i++) {
                    double t = (double) (played[0] + i) / rate;
                    double hz = t * 1000 < NOTE_MILLIS ? FIRST_HZ : SECOND_HZ;
                    double fade = Math.min(1, Math.min(t, 2 * NOTE_MILLIS / 1000.0 - t) * 50);
                    short sample = (short) (Math.max(0, fade) * AMPLITUDE * 32767 * Math.sin(2 * Math.PI * hz * t));
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
            release(module);
            throw e instanceof MediaException me ? me
                    : new MediaException("the test sound could not be played: " + e.getMessage(), e);
        }
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(2L * NOTE_MILLIS + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                module.stopPlayout();
            } catch (Error e) {
                log.debug("test sound: playout had already stopped");
            }
            release(module);
        }, "parley-test-sound");
        stopper.setDaemon(true);
        stopper.start();
    }

    private static void release(AudioDeviceModule module) {
        module.dispose();
        NativeTracker.closed("test sound");
    }
}
