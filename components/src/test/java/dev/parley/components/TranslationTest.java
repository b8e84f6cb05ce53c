package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.components.testing.Translations;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The widgets' German texts translate every English one. */
class TranslationTest {

    @Test
    void everyWidgetTextHasItsGermanTranslation() {
        Translations.assertComplete("dev/parley/components/Messages", "de",
                Set.of("controlBar.shortcut"));
    }

    @Test
    void aGermanLocaleGetsTheGermanTexts() {
        ResourceBundle german = ResourceBundle.getBundle("dev.parley.components.Messages", Locale.GERMAN);
        assertThat(german.getString("incoming.accept")).isEqualTo("Annehmen");
        assertThat(german.getString("tile.reconnecting")).isEqualTo("Verbinde erneut\u2026");
    }
}
