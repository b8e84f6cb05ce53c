package dev.parley.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.testing.Tones;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The level a meter shows: RMS of full scale, rising at once, falling slowly, 0 when audio stops. */
class AudioLevelTest {

    private final AtomicLong now = new AtomicLong();
    private final AudioLevel level = new AudioLevel(now::get);

    @Test
    void aHalfScaleSineReadsItsRms() {
        add(Tones.sine(440, 0.5, 48_000, 480));
        assertThat(level.level()).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void silenceAfterSoundFallsByTenPercentAChunk() {
        add(Tones.sine(440, 0.5, 48_000, 480));
        double loud = level.level();
        add(new short[480]);
        assertThat(level.level()).isCloseTo(loud * 0.9, within(0.001));
        for (int i = 0; i < 50; i++) {
            add(new short[480]);
        }
        assertThat(level.level()).isLessThan(0.003);
    }

    @Test
    void noAudioForHalfASecondReadsZero() {
        add(Tones.sine(440, 0.5, 48_000, 480));
        now.addAndGet(499_000_000L);
        assertThat(level.level()).isPositive();
        now.addAndGet(2_000_000L);
        assertThat(level.level()).isZero();
    }

    @Test
    void anOddByteAtTheEndIsIgnored() {
        level.addPcm16(new byte[] {0, 64, 7}, 3);
        assertThat(level.level()).isCloseTo(0.5, within(0.001));
    }

    private void add(short[] samples) {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        level.addPcm16(pcm, pcm.length);
    }
}
