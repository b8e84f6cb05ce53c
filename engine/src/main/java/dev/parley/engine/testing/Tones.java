package dev.parley.engine.testing;

/**
 * Tells which tones a recording holds, for tests that assert on what was heard: the level of
 * one frequency (Goertzel's algorithm over a Hann window, so a neighbouring tone does not leak
 * into it), the loudest frequency, and the loudness of everything.
 *
 * <p>Levels are in dBFS of a sine: a full-scale sine at the asked frequency reads 0 dB, one at
 * half amplitude -6 dB, silence -120 dB.
 *
 * <p>Threading: stateless; thread safe.
 */
public final class Tones {

    /** What silence reads. */
    public static final double SILENCE_DB = -120;

    private static final double LOWEST_HZ = 100;
    private static final double HIGHEST_HZ = 4000;
    private static final double STEP_HZ = 5;

    private Tones() {
    }

    /** The level of the tone at {@code hz} in {@code samples} (16-bit PCM at {@code rate} Hz), in dBFS. */
    public static double levelDb(short[] samples, int rate, double hz) {
        return samples.length == 0 ? SILENCE_DB : levelDb(samples, hann(samples.length), rate, hz);
    }

    private static double levelDb(short[] samples, double[] window, int rate, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / rate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < samples.length; i++) {
            double value = samples[i] / 32768.0 * window[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = value;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return toDb(2 * Math.sqrt(Math.max(power, 0)) / window[samples.length]);
    }

    /** A Hann window of {@code n} points, and its sum after them. */
    private static double[] hann(int n) {
        double[] window = new double[n + 1];
        for (int i = 0; i < n; i++) {
            window[i] = n == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            window[n] += window[i];
        }
        return window;
    }

    /** The loudest frequency between 100 and 4000 Hz, to 5 Hz. */
    public static double dominantHz(short[] samples, int rate) {
        if (samples.length == 0) {
            return 0;
        }
        double[] window = hann(samples.length);
        double best = LOWEST_HZ;
        double bestDb = Double.NEGATIVE_INFINITY;
        for (double hz = LOWEST_HZ; hz <= HIGHEST_HZ; hz += STEP_HZ) {
            double db = levelDb(samples, window, rate, hz);
            if (db > bestDb) {
                bestDb = db;
                best = hz;
            }
        }
        return best;
    }

    /**
     * The loudest tone between 100 and 4000 Hz farther than {@code guardHz} from {@code hz}, in
     * dBFS: what else is heard beside {@code hz}.
     */
    public static double loudestOtherDb(short[] samples, int rate, double hz, double guardHz) {
        if (samples.length == 0) {
            return SILENCE_DB;
        }
        double[] window = hann(samples.length);
        double loudest = SILENCE_DB;
        for (double f = LOWEST_HZ; f <= HIGHEST_HZ; f += STEP_HZ) {
            if (Math.abs(f - hz) > guardHz) {
                loudest = Math.max(loudest, levelDb(samples, window, rate, f));
            }
        }
        return loudest;
    }

    /** The loudness of everything in {@code samples} (RMS) in dBFS, where a full-scale sine reads -3 dB. */
    public static double rmsDb(short[] samples) {
        if (samples.length == 0) {
            return SILENCE_DB;
        }
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return toDb(Math.sqrt(sum / samples.length) / 32768.0);
    }

    /** {@code samples} (16-bit little-endian PCM bytes) as samples. */
    public static short[] fromPcm16(byte[] pcm) {
        short[] samples = new short[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
        }
        return samples;
    }

    /** A sine of {@code amplitude} (0 to 1) at {@code hz}: test input. */
    public static short[] sine(double hz, double amplitude, int rate, int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return samples;
    }

    private static double toDb(double amplitude) {
        return amplitude <= 1e-6 ? SILENCE_DB : Math.max(SILENCE_DB, 20 * Math.log10(amplitude));
    }
}
