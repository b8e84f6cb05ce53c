package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cameras' shapes and sizes pass for cameras; anything else is a shared screen. */
class ScreenShareGuessTest {

    @ParameterizedTest(name = "{0}x{1}: screen {2}")
    @CsvSource({
        "640, 480, false", "320, 240, false", "1280, 720, false", "960, 540, false", "480, 640, false",
        "720, 1280, false", "1920, 1080, true", "1600, 1200, true", "720, 360, true", "1003, 611, true",
        "0, 0, false",
    })
    void guess(int width, int height, boolean screen) {
        assertThat(ScreenShareGuess.looksLikeScreen(new Dimension(width, height))).isEqualTo(screen);
    }
}
