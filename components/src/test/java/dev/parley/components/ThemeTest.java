package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.swing.UIManager;
import org.junit.jupiter.api.Test;

/** Both themes load through the add-on, and every key a widget documents resolves in each. */
class ThemeTest {

    private static final Pattern DOCUMENTED = Pattern.compile("@uiDefault (Parley\\.[\\w.]+) (Color|int)");

    @Test
    void everyDocumentedKeyResolvesInLightAndDarkWithItsType() throws Exception {
        Set<String> documented = documentedKeys();
        assertThat(documented).hasSizeGreaterThan(30);
        for (FlatLaf laf : new FlatLaf[] {new FlatLightLaf(), new FlatDarkLaf()}) {
            UIManager.setLookAndFeel(laf);
            for (String entry : documented) {
                String key = entry.substring(0, entry.indexOf(' '));
                Object value = UIManager.get(key);
                assertThat(value).as("%s in %s", key, laf.getName()).isNotNull();
                assertThat(value).as("%s in %s", key, laf.getName())
                        .isInstanceOf(entry.endsWith("Color") ? Color.class : Integer.class);
            }
        }
    }

    @Test
    void everyKeyOfTheThemeFilesIsDocumentedByAWidget() {
        Set<String> documented = new TreeSet<>();
        documentedKeys().forEach(entry -> documented.add(entry.substring(0, entry.indexOf(' '))));
        Set<String> defined = new TreeSet<>();
        for (String file : new String[] {"FlatLaf", "FlatLightLaf", "FlatDarkLaf"}) {
            defined.addAll(load("theme/" + file + ".properties").stringPropertyNames());
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(defined);
    }

    @Test
    void lightAndDarkDifferWhereTheyShould() throws Exception {
        UIManager.setLookAndFeel(new FlatLightLaf());
        Color lightPlaceholder = UIManager.getColor("Parley.video.placeholderBackground");
        Color lightBar = UIManager.getColor("Parley.controlBar.background");
        UIManager.setLookAndFeel(new FlatDarkLaf());

        assertThat(UIManager.getColor("Parley.video.placeholderBackground")).isNotEqualTo(lightPlaceholder);
        assertThat(UIManager.getColor("Parley.controlBar.background")).isNotEqualTo(lightBar);
        assertThat(luminance(UIManager.getColor("Parley.controlBar.background"))).isLessThan(luminance(lightBar));
    }

    @Test
    void widgetsFollowASwitchBetweenLightAndDark() throws Exception {
        UIManager.setLookAndFeel(new FlatLightLaf());
        CallControlBar bar = new CallControlBar();
        Color lightBar = bar.getBackground();

        UIManager.setLookAndFeel(new FlatDarkLaf());
        javax.swing.SwingUtilities.updateComponentTreeUI(bar);

        assertThat(bar.getBackground().getRGB()).isEqualTo(UIManager.getColor("Parley.controlBar.background").getRGB())
                .isNotEqualTo(lightBar.getRGB());
    }

    @Test
    void initialsAreTheFirstLettersOfTheFirstTwoWords() {
        assertThat(Theme.initials("Alice Example")).isEqualTo("AE");
        assertThat(Theme.initials("bob")).isEqualTo("BO");
        assertThat(Theme.initials("Ångström Ölund Third")).isEqualTo("ÅÖ");
        assertThat(Theme.initials("User 222")).isEqualTo("U2");
    }

    private static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    /** "key Type" for every {@code @uiDefault} line in the widgets' javadoc. */
    private static Set<String> documentedKeys() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    Matcher m = DOCUMENTED.matcher(Files.readString(p));
                    while (m.find()) {
                        keys.add(m.group(1) + " " + m.group(2));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
