package dev.parley.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The analyser the audio tests trust: it must find the tone that is there and only that. */
class TonesTest {

    private static final int RATE = 48_000;

    @Test
    void findsTheToneAndItsLevel() {
        short[] sine = Tones.sine(440, 0.5, RATE, RATE / 2);
        assertThat(Tones.dominantHz(sine, RATE)).isCloseTo(440, within(5.0));
        assertThat(Tones.levelDb(sine, RATE, 440)).isCloseTo(-6.0, within(0.5));
        assertThat(Tones.rmsDb(sine)).isCloseTo(-9.0, within(0.2));
    }

    @Test
    void aLoudToneStandsWellAboveAQuieterOne() {
        short[] loud = Tones.sine(440, 0.5, RATE, RATE / 2);
        short[] quiet = Tones.sine(880, 0.005, RATE, RATE / 2);
        short[] mix = new short[loud.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (short) (loud[i] + quiet[i]);
        }
        assertThat(Tones.dominantHz(mix, RATE)).isCloseTo(440, within(5.0));
        assertThat(Tones.levelDb(mix, RATE, 880)).isCloseTo(-46, within(1.0));
        assertThat(Tones.loudestOtherDb(mix, RATE, 440, 30)).isCloseTo(-46, within(1.0));
    }

    @Test
    void silenceIsSilence() {
        short[] silence = new short[RATE / 2];
        assertThat(Tones.rmsDb(silence)).isEqualTo(Tones.SILENCE_DB);
        assertThat(Tones.levelDb(silence, RATE, 440)).isEqualTo(Tones.SILENCE_DB);
        assertThat(Tones.levelDb(new short[0], RATE, 440)).isEqualTo(Tones.SILENCE_DB);
    }

    @Test
    void readsLittleEndianPcm() {
        assertThat(Tones.fromPcm16(new byte[] {1, 0, (byte) 0xff, (byte) 0xff})).containsExactly((short) 1, (short) -1);
    }
}
