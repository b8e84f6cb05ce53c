package dev.parley.demo;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The demo's texts, from {@code Demo.properties}. */
final class Texts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.parley.demo.Demo");

    private Texts() {
    }

    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
