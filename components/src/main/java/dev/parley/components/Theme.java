package dev.parley.components;

import com.formdev.flatlaf.util.UIScale;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.ResourceBundle;
import javax.swing.UIManager;

/**
 * Theme keys and texts for the widgets. Keys come from UIManager (FlatLaf loads them through
 * {@link dev.parley.components.theme.ParleyDefaultsAddon}); under another look and feel the
 * light theme's values serve as fallback, so the widgets never paint with a missing colour.
 *
 * <p>Threading: EDT (UIManager is).
 */
final class Theme {

    private static final Properties FALLBACK = load("theme/FlatLaf.properties", "theme/FlatLightLaf.properties");
    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("dev.parley.components.Messages");

    private Theme() {
    }

    /**
     * The colour of {@code key}, as a plain {@link Color}: a {@code ColorUIResource} set on a
     * component would be replaced by the look and feel's own default at the next
     * {@code updateUI()}; widgets re-apply theme colours themselves when the theme changes.
     */
    static Color color(String key) {
        Color color = UIManager.getColor(key);
        if (color != null) {
            return new Color(color.getRGB(), true);
        }
        String value = FALLBACK.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("theme key " + key + " is not defined");
        }
        return parse(value.trim());
    }

    /**
     * The colour of {@code key} for painting, as the look and feel holds it: no copy, since
     * painting code runs for every frame and must not allocate.
     */
    static Color paint(String key) {
        Color color = UIManager.getColor(key);
        return color != null ? color : color(key);
    }

    /** An unscaled size from the theme, scaled for the current UI scale. */
    static int size(String key) {
        return UIScale.scale(unscaled(key));
    }

    static int unscaled(String key) {
        Object value = UIManager.get(key);
        if (value instanceof Integer i) {
            return i;
        }
        String fallback = FALLBACK.getProperty(key);
        if (fallback == null) {
            throw new IllegalStateException("theme key " + key + " is not defined");
        }
        return Integer.parseInt(fallback.trim());
    }

    static String text(String key, Object... args) {
        String pattern = TEXTS.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }

    /** Initials for a placeholder: the first letters of the first two words, or the first two characters. */
    static String initials(String name) {
        String[] words = name.trim().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && out.length() < 2) {
                out.appendCodePoint(word.codePointAt(0));
            }
        }
        if (out.length() == 1 && words[0].length() > 1 && !Character.isDigit(words[0].charAt(0))) {
            out.appendCodePoint(words[0].codePointAt(words[0].offsetByCodePoints(0, 1)));
        }
        return out.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static Color parse(String hex) {
        String digits = hex.startsWith("#") ? hex.substring(1) : hex;
        long value = Long.parseLong(digits, 16);
        return digits.length() == 8
                ? new Color((int) (value >> 24) & 0xFF, (int) (value >> 16) & 0xFF, (int) (value >> 8) & 0xFF,
                        (int) value & 0xFF)
                : new Color((int) value);
    }

    private static Properties load(String... resources) {
        Properties properties = new Properties();
        for (String resource : resources) {
            try (InputStream in = Theme.class.getResourceAsStream(resource)) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        return properties;
    }
}
