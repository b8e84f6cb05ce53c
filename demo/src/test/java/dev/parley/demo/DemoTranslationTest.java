package dev.parley.demo;

import dev.parley.components.testing.Translations;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's German texts translate every English one. */
class DemoTranslationTest {

    @Test
    void everyDemoTextHasItsGermanTranslation() {
        Translations.assertComplete("dev/parley/demo/Demo", "de",
                Set.of("login.host", "login.port", "user.online", "user.offline", "room.url", "user.title"));
    }
}
