package dev.parley.components.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a translation of a {@code .properties} bundle against the base bundle: the same keys,
 * the same {@code {n}} arguments in each text, and no text left as the base's (but for the
 * words both languages write alike, named by the caller).
 */
public final class Translations {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private Translations() {
    }

    /**
     * Asserts that {@code base_language.properties} translates {@code base.properties} completely,
     * {@code base} a class path resource path without its suffix ("dev/parley/demo/Demo").
     */
    public static void assertComplete(String base, String language, Set<String> alikeKeys) {
        Properties english = load(base + ".properties");
        Properties other = load(base + "_" + language + ".properties");
        assertThat(other.stringPropertyNames()).as("keys of %s_%s against %s", base, language, base)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String from = english.getProperty(key);
            String to = other.getProperty(key);
            assertThat(arguments(to)).as("arguments of %s in %s", key, language).isEqualTo(arguments(from));
            if (!alikeKeys.contains(key)) {
                assertThat(to).as("%s in %s is left in English", key, language).isNotEqualTo(from);
            }
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String resource) {
        try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("resource %s", resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
