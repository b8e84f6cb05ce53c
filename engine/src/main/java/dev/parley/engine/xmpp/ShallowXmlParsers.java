package dev.parley.engine.xmpp;

import java.io.IOException;
import java.io.Reader;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.xml.XmlPullParserFactory;

/**
 * Smack's XML parsers with a depth limit: an element nested deeper than {@value #MAX_DEPTH}
 * levels in the stream is skipped with everything inside it, as if it were not there.
 *
 * <p>Why: Smack parses an element no provider knows (any element in a namespace of the
 * sender's choosing) by recursion, one stack frame per level, on the connection's reader
 * thread. A stanza of a few thousand nested elements, well within a server's size limit,
 * overflows that thread's stack; the thread dies and the connection silently stops reading:
 * any user of the server could deafen a Parley client with one message. No real stanza comes
 * near this depth. Smack's parser factory is process wide, so the limit holds for every Smack
 * connection of the JVM; {@link #install()} is idempotent.
 *
 * <p>Threading: a parser is used by one thread, as Smack's are.
 */
final class ShallowXmlParsers implements XmlPullParserFactory {

    /** Deepest element kept, counting the stream element as 1; a real stanza stays under 20. */
    static final int MAX_DEPTH = 64;

    private final XmlPullParserFactory delegate;

    private ShallowXmlParsers(XmlPullParserFactory delegate) {
        this.delegate = delegate;
    }

    /** Makes every Smack parser created from now on depth limited. */
    static synchronized void install() {
        XmlPullParserFactory current = SmackXmlParser.getXmlPullParserFactory();
        if (!(current instanceof ShallowXmlParsers)) {
            SmackXmlParser.setXmlPullParserFactory(new ShallowXmlParsers(current));
        }
    }

    @Override
    public XmlPullParser newXmlPullParser(Reader reader) throws XmlPullParserException {
        return new Shallow(delegate.newXmlPullParser(reader));
    }

    /** Passes every event through but those of elements deeper than the limit. */
    static final class Shallow implements XmlPullParser {
        private final XmlPullParser parser;

        Shallow(XmlPullParser parser) {
            this.parser = parser;
        }

        @Override
        public Event next() throws IOException, XmlPullParserException {
            Event event = parser.next();
            while (event == Event.START_ELEMENT && parser.getDepth() > MAX_DEPTH) {
                skipElement();
                event = parser.next();
            }
            return event;
        }

        /** Consumes the element whose start tag the parser is on, up to and including its end tag, without recursion. */
        private void skipElement() throws IOException, XmlPullParserException {
            int depth = parser.getDepth();
            Event event;
            do {
                event = parser.next();
                if (event == Event.END_DOCUMENT) {
                    return;
                }
            } while (!(event == Event.END_ELEMENT && parser.getDepth() == depth));
        }

        @Override
        public TagEvent nextTag() throws IOException, XmlPullParserException {
            Event event = next();
            while (event == Event.TEXT_CHARACTERS && parser.isWhiteSpace() || event == Event.IGNORABLE_WHITESPACE
                    || event == Event.COMMENT || event == Event.PROCESSING_INSTRUCTION) {
                event = next();
            }
            return switch (event) {
                case START_ELEMENT -> TagEvent.START_ELEMENT;
                case END_ELEMENT -> TagEvent.END_ELEMENT;
                default -> throw new XmlPullParserException("expected a start or end tag, found " + event);
            };
        }

        @Override
        public String nextText() throws IOException, XmlPullParserException {
            return parser.nextText(); // text only: it refuses a child element before any depth is reached
        }

        // ---- the rest is the wrapped parser's ------------------------------------------

        @Override
        public Object getProperty(String name) {
            return parser.getProperty(name);
        }

        @Override
        public String getInputEncoding() {
            return parser.getInputEncoding();
        }

        @Override
        public int getNamespaceCount() throws XmlPullParserException {
            return parser.getNamespaceCount();
        }

        @Override
        public String getNamespacePrefix(int pos) throws XmlPullParserException {
            return parser.getNamespacePrefix(pos);
        }

        @Override
        public String getNamespaceUri(int pos) throws XmlPullParserException {
            return parser.getNamespaceUri(pos);
        }

        @Override
        public String getNamespace(String prefix) {
            return parser.getNamespace(prefix);
        }

        @Override
        public String getDefaultNamespace() {
            return parser.getDefaultNamespace();
        }

        @Override
        public int getDepth() {
            return parser.getDepth();
        }

        @Override
        public String getPositionDescription() {
            return parser.getPositionDescription();
        }

        @Override
        public int getLineNumber() {
            return parser.getLineNumber();
        }

        @Override
        public int getColumnNumber() {
            return parser.getColumnNumber();
        }

        @Override
        public boolean isWhiteSpace() throws XmlPullParserException {
            return parser.isWhiteSpace();
        }

        @Override
        public String getText() {
            return parser.getText();
        }

        @Override
        public String getNamespace() {
            return parser.getNamespace();
        }

        @Override
        public String getName() {
            return parser.getName();
        }

        @Override
        public QName getQName() {
            return parser.getQName();
        }

        @Override
        public String getPrefix() {
            return parser.getPrefix();
        }

        @Override
        public int getAttributeCount() {
            return parser.getAttributeCount();
        }

        @Override
        public String getAttributeNamespace(int index) {
            return parser.getAttributeNamespace(index);
        }

        @Override
        public String getAttributeName(int index) {
            return parser.getAttributeName(index);
        }

        @Override
        public QName getAttributeQName(int index) {
            return parser.getAttributeQName(index);
        }

        @Override
        public String getAttributePrefix(int index) {
            return parser.getAttributePrefix(index);
        }

        @Override
        public String getAttributeType(int index) {
            return parser.getAttributeType(index);
        }

        @Override
        public String getAttributeValue(int index) {
            return parser.getAttributeValue(index);
        }

        @Override
        public String getAttributeValue(String namespace, String name) {
            return parser.getAttributeValue(namespace, name);
        }

        @Override
        public String getAttributeValue(String name) {
            return parser.getAttributeValue(name);
        }

        @Override
        public Event getEventType() throws XmlPullParserException {
            return parser.getEventType();
        }

        @Override
        public boolean supportsRoundtrip() {
            return parser.supportsRoundtrip();
        }
    }
}
