package dev.parley.engine.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer itself: what it makes must be well-formed XML under Prosody's stanza limit (else
 * the server, not Parley, would be what the hostile-input test exercises) and varied.
 */
class StanzaFuzzerTest {

    @Test
    void everyStanzaIsWellFormedAndWithinTheServersLimit() throws Exception {
        DocumentBuilder parser = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        parser.setErrorHandler(null);
        StanzaFuzzer fuzzer = new StanzaFuzzer(42, 111, "824f86f6-2de2-4dcb-b285-218896f457e7", 222, 666);
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String stanza = fuzzer.next();
            byte[] bytes = stanza.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThan(256 * 1024);
            parser.parse(new ByteArrayInputStream(bytes));
            distinct.add(stanza.replaceAll("id='[^']*'", ""));
        }
        assertThat(distinct).hasSizeGreaterThan(10_000);
    }
}
