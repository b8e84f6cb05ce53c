package dev.parley.engine.audio;

import dev.parley.engine.servers.Pulse;
import dev.parley.engine.testing.Tones;
import java.time.Duration;

/** What a test hears on a speaker: a tone clearly above every other, or silence. */
final class Hearing {

    /** How much louder than anything else a tone must be to count as the one heard. */
    static final double CLEAR_DB = 20;
    static final Duration WINDOW = Duration.ofMillis(500);

    private Hearing() {
    }

    /** Whether the last half second of {@code recording} carries {@code hz} at least 20 dB above any other tone. */
    static boolean hears(Pulse.Recording recording, double hz) {
        short[] samples = recording.last(WINDOW);
        if (samples.length < Pulse.RATE / 4) {
            return false;
        }
        return Tones.levelDb(samples, Pulse.RATE, hz) - Tones.loudestOtherDb(samples, Pulse.RATE, hz, 30) >= CLEAR_DB;
    }

    /** The last half second's loudness, in dBFS. */
    static double loudnessDb(Pulse.Recording recording) {
        return Tones.rmsDb(recording.last(WINDOW));
    }

    /** What the last half second holds, for a failure message. */
    static String describe(Pulse.Recording recording, double hz) {
        short[] samples = recording.last(WINDOW);
        return String.format("%d samples, loudest %.0f Hz, %.0f Hz at %.1f dBFS, the loudest other tone %.1f dBFS,"
                + " all %.1f dBFS", samples.length, Tones.dominantHz(samples, Pulse.RATE), hz,
                Tones.levelDb(samples, Pulse.RATE, hz), Tones.loudestOtherDb(samples, Pulse.RATE, hz, 30),
                Tones.rmsDb(samples));
    }
}
