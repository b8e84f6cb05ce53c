package dev.parley.engine.internal;

import java.util.function.LongSupplier;

/**
 * Not API. How loud some audio is now, from the 16-bit PCM chunks (10 ms each in WebRTC) that
 * pass by: the RMS of each chunk relative to full scale (a full-scale sine reads 0.71, speech
 * at a normal distance 0.02 to 0.2, a quiet room below 0.003), rising at once and falling by
 * {@value #DECAY_PER_CHUNK} a chunk, so a meter neither flickers nor lags. Without audio for
 * {@value #STALE_MILLIS} ms it reads 0.
 *
 * <p>Threading: {@link #addPcm16} from one audio thread, {@link #level} from any.
 */
public final class AudioLevel {

    static final double DECAY_PER_CHUNK = 0.9;
    static final long STALE_MILLIS = 500;

    private final LongSupplier nanoTime;
    private volatile double level;
    private volatile long updatedAt;

    public AudioLevel() {
        this(System::nanoTime);
    }

    AudioLevel(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.updatedAt = nanoTime.getAsLong() - STALE_MILLIS * 2_000_000;
    }

    /** Adds {@code length} bytes of signed 16-bit little-endian samples (channels interleaved). */
    public void addPcm16(byte[] data, int length) {
        int samples = Math.min(length, data.length) / 2;
        if (samples == 0) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            int sample = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
            sum += (double) sample * sample;
        }
        double rms = Math.sqrt(sum / samples) / 32768.0;
        level = Math.max(rms, level * DECAY_PER_CHUNK);
        updatedAt = nanoTime.getAsLong();
    }

    /** The level now, 0.0 to 1.0. */
    public double level() {
        return nanoTime.getAsLong() - updatedAt > STALE_MILLIS * 1_000_000 ? 0 : level;
    }

    /** Forgets what was heard: reads 0 until new audio arrives. */
    public void reset() {
        level = 0;
    }
}
