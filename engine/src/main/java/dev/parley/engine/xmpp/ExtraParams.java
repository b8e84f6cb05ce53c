package dev.parley.engine.xmpp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * The {@code <extraParams xmlns="jabber:client">} element that carries a QuickBlox signal
 * inside a headline message (docs/signaling.md). It holds its children as a plain tree of named
 * {@link Field}s, in document order, so that unknown children and nested {@code userInfo}
 * survive parsing; {@link SignalCodec} gives the tree its meaning.
 *
 * <p>Threading: immutable.
 */
final class ExtraParams implements ExtensionElement {

    static final String ELEMENT = "extraParams";
    /** QuickBlox puts the element in the stanza namespace; Prosody drops the redundant xmlns. */
    static final String NAMESPACE = "jabber:client";

    /**
     * One child element: text when it has no children, otherwise its children.
     *
     * @param name the element name
     * @param text the text content ("" for a container or an empty element)
     * @param children the child elements, in document order
     */
    record Field(String name, String text, List<Field> children) {

        Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            children = List.copyOf(children);
        }

        static Field text(String name, String text) {
            return new Field(name, text, List.of());
        }

        static Field of(String name, List<Field> children) {
            return new Field(name, "", children);
        }

        boolean isLeaf() {
            return children.isEmpty();
        }

        /** The first child called {@code childName}. */
        Optional<Field> child(String childName) {
            return children.stream().filter(f -> f.name.equals(childName)).findFirst();
        }
    }

    private final List<Field> fields;

    ExtraParams(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    List<Field> fields() {
        return fields;
    }

    /** The first top-level child called {@code name}. */
    Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The text of the first top-level child called {@code name}, trimmed. */
    Optional<String> text(String name) {
        return field(name).map(f -> f.text().trim());
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public CharSequence toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        xml.rightAngleBracket();
        for (Field field : fields) {
            append(xml, field);
        }
        xml.closeElement(this);
        return xml;
    }

    private static void append(XmlStringBuilder xml, Field field) {
        if (field.isLeaf()) {
            xml.element(field.name(), field.text());
            return;
        }
        xml.openElement(field.name());
        for (Field child : field.children()) {
            append(xml, child);
        }
        xml.closeElement(field.name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtraParams other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return toXML((XmlEnvironment) null).toString();
    }

    /**
     * Parses {@code extraParams} into its field tree. It accepts any children in any order and
     * any depth; whether they make a valid signal is decided later, outside Smack's reader
     * thread, by {@link SignalCodec}.
     *
     * <p>Threading: stateless.
     */
    static final class Provider extends ExtensionElementProvider<ExtraParams> {

        /** Deeper than any real signal; bounds the work a hostile stanza can cause. */
        private static final int MAX_DEPTH = 8;

        @Override
        public ExtraParams parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException {
            return new ExtraParams(children(parser, initialDepth, 1));
        }

        private static List<Field> children(XmlPullParser parser, int depth, int level)
                throws XmlPullParserException, IOException {
            List<Field> children = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                switch (event) {
                    case START_ELEMENT -> children.add(field(parser, level));
                    case END_ELEMENT -> {
                        if (parser.getDepth() == depth) {
                            return children;
                        }
                    }
                    case END_DOCUMENT -> throw new XmlPullParserException("extraParams ends before its end tag");
                    default -> { }
                }
            }
        }

        /** Reads one element whose start tag the parser is on, up to and including its end tag. */
        private static Field field(XmlPullParser parser, int level) throws XmlPullParserException, IOException {
            if (level > MAX_DEPTH) {
                throw new XmlPullParserException("extraParams is nested deeper than " + MAX_DEPTH + " levels");
            }
            String name = parser.getName();
            int depth = parser.getDepth();
            StringBuilder text = new StringBuilder();
            List<Field> children = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                switch (event) {
                    case START_ELEMENT -> children.add(field(parser, level + 1));
                    case TEXT_CHARACTERS, ENTITY_REFERENCE -> text.append(parser.getText());
                    case END_ELEMENT -> {
                        if (parser.getDepth() == depth) {
                            // Mixed content: children win; whitespace between them is formatting.
                            return children.isEmpty() ? Field.text(name, text.toString()) : Field.of(name, children);
                        }
                    }
                    case END_DOCUMENT -> throw new XmlPullParserException("element " + name + " ends before its end tag");
                    default -> { }
                }
            }
        }
    }
}
