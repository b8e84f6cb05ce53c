package dev.parley.demo;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The demo's texts, from {@code Demo.properties}. */
final class Texts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.parley.demo.Demo");

    private Texts() {
    }

    /** A label showing {@code key}'s text that names {@code field} for screen readers (and Alt+mnemonic). */
    static javax.swing.JLabel label(String key, javax.swing.JComponent field) {
        javax.swing.JLabel label = new javax.swing.JLabel(get(key));
        label.setLabelFor(field);
        return label;
    }

    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
