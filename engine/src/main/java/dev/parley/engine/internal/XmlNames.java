package dev.parley.engine.internal;

/**
 * Which strings may be XML element names on the QuickBlox wire, where {@code userInfo} keys
 * become elements ({@code <note>hello</note>}).
 *
 * <p>Not API. Threading: stateless.
 */
public final class XmlNames {

    private XmlNames() {
    }

    /**
     * Whether {@code name} is a namespace-free XML element name: a letter or {@code _}, then
     * letters, digits, {@code -}, {@code _} or {@code .}.
     */
    public static boolean isElementName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!Character.isLetter(first) && first != '_') {
            return false;
        }
        return name.codePoints().skip(1)
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
}
