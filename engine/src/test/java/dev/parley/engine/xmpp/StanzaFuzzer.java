package dev.parley.engine.xmpp;

import dev.parley.engine.ConferenceType;
import dev.parley.engine.signaling.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates hostile QuickBlox signaling stanzas for one victim: real signals of every type
 * (encoded by Parley's own codec, many aimed at a live session of the victim), each mutated a
 * few times at random: values replaced by junk (bad ids, wrong types, huge or empty text,
 * markup as text, entities), elements dropped, doubled or renamed, unknown signal types,
 * truncated SDP, huge user info, deep nesting, wrong message types, offline-replay marks,
 * other namespaces. Every stanza is well-formed XML under Prosody's 256 KiB limit, so it
 * reaches the victim instead of ending the sender's stream. Deterministic for a seed.
 */
public final class StanzaFuzzer {

    /** Biggest stanza made, in characters; Prosody closes a stream that sends one over 256 KiB. */
    public static final int MAX_CHARS = 200_000;

    private static final Pattern LEAF = Pattern.compile("<([A-Za-z]+)>([^<]*)</\\1>");
    private static final Pattern OPEN_TAG = Pattern.compile("<([A-Za-z]+)>");
    private static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0 1\r\na=msid-semantic: WMS parley\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
            + "c=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
            + "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\n"
            + "a=setup:actpass\r\na=mid:0\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\n"
            + "a=rtpmap:96 VP8/90000\r\n";

    private final Random random;
    private final long victim;
    private final String liveSession;
    private final long livePeer;
    private final long sender;
    private final List<String> seeds = new ArrayList<>();
    private final List<UnaryOperator<String>> mutations = List.of(
            this::replaceValue, this::replaceValue, this::replaceValue, this::dropElement, this::doubleElement,
            this::renameElement, this::insertUnknown, this::unknownSignalType, this::truncateSdp, this::hugeUserInfo,
            this::deepNesting, this::markupAsText, this::emptyParams);

    /**
     * @param seed the random seed
     * @param victim who receives the stanzas
     * @param liveSession the id of the victim's call that must survive them
     * @param livePeer the victim's partner in that call (whom many stanzas claim as initiator)
     * @param sender who sends them (not a participant of the live session)
     */
    public StanzaFuzzer(long seed, long victim, String liveSession, long livePeer, long sender) {
        this.random = new Random(seed);
        this.victim = victim;
        this.liveSession = liveSession;
        this.livePeer = livePeer;
        this.sender = sender;
        List<Signal.Header> headers = List.of(
                new Signal.Header(liveSession, ConferenceType.VIDEO, livePeer, List.of(victim), "web"),
                new Signal.Header(liveSession, ConferenceType.VIDEO, victim, List.of(livePeer), "java"),
                new Signal.Header(liveSession, ConferenceType.VIDEO, livePeer, List.of(victim, sender), "web"),
                new Signal.Header(liveSession, ConferenceType.AUDIO, sender, List.of(victim), "ios"),
                new Signal.Header(UUID.randomUUID().toString(), ConferenceType.VIDEO, sender, List.of(victim), "android"),
                new Signal.Header(UUID.randomUUID().toString(), ConferenceType.AUDIO, victim, List.of(sender, livePeer), "web"));
        for (Signal.Header header : headers) {
            for (Signal signal : List.<Signal>of(
                    new Signal.Call(header, SDP, Map.of("note", "hi", "bandwidth", "0")),
                    new Signal.Accept(header, SDP, Map.of()),
                    new Signal.Reject(header, Map.of("reason", "busy")),
                    new Signal.HangUp(header, Map.of("reason", "bye")),
                    new Signal.IceCandidates(header, List.of(new Signal.IceCandidate(
                            "candidate:3866843223 1 udp 2122194687 192.0.2.2 47903 typ host generation 0 ufrag LkXb", "0", 0))),
                    new Signal.Update(header, "reconnect", UUID.randomUUID().toString(), SDP, random.nextBoolean()))) {
                seeds.add(inner(SignalCodec.encode(signal).toString()));
            }
        }
    }

    /** The next hostile stanza, a whole {@code <message/>} addressed to the victim. */
    public String next() {
        String params = seeds.get(random.nextInt(seeds.size()));
        int rounds = 1 + random.nextInt(3);
        // big ones are big enough; and text inside CDATA must not be mistaken for elements to mutate
        for (int i = 0; i < rounds && params.length() < 20_000 && !params.contains("<![CDATA["); i++) {
            String mutated = mutations.get(random.nextInt(mutations.size())).apply(params);
            if (mutated.length() < MAX_CHARS) {
                params = mutated;
            }
        }
        String type = switch (random.nextInt(20)) {
            case 0 -> "chat";
            case 1 -> "normal";
            case 2 -> "error";
            case 3 -> "groupchat";
            default -> "headline";
        };
        String namespace = random.nextInt(30) == 0 ? "urn:example:other" : "jabber:client";
        String delay = random.nextInt(30) == 0 ? "<delay xmlns='urn:xmpp:delay' stamp='2020-01-01T00:00:00Z'/>" : "";
        return "<message to='" + RawXmpp.jid(victim) + "' type='" + type + "' id='f" + Long.toHexString(random.nextLong())
                + "'><extraParams xmlns='" + namespace + "'>" + params + "</extraParams>" + delay + "</message>";
    }

    // ---- mutations of the inner XML of extraParams --------------------------------------

    private String replaceValue(String xml) {
        List<MatchResult> leaves = matches(LEAF, xml);
        if (leaves.isEmpty()) {
            return xml;
        }
        MatchResult leaf = leaves.get(random.nextInt(leaves.size()));
        return xml.substring(0, leaf.start(2)) + escape(junk()) + xml.substring(leaf.end(2));
    }

    private String dropElement(String xml) {
        int[] element = randomElement(xml);
        return element == null ? xml : xml.substring(0, element[0]) + xml.substring(element[1]);
    }

    private String doubleElement(String xml) {
        int[] element = randomElement(xml);
        if (element == null) {
            return xml;
        }
        String copy = xml.substring(element[0], element[1]);
        return xml.substring(0, element[1]) + replaceValue(copy) + xml.substring(element[1]);
    }

    /** The start and end of a random whole element written without attributes, or null. */
    private int[] randomElement(String xml) {
        List<MatchResult> opens = matches(OPEN_TAG, xml);
        for (int tries = 0; tries < 5 && !opens.isEmpty(); tries++) {
            MatchResult open = opens.get(random.nextInt(opens.size()));
            int end = closingEnd(xml, open.group(1), open.end());
            if (end > 0) {
                return new int[] {open.start(), end};
            }
        }
        return null;
    }

    /** Where the end tag that closes {@code <name>} opened before {@code from} ends, or -1. */
    private static int closingEnd(String xml, String name, int from) {
        String open = "<" + name + ">";
        String close = "</" + name + ">";
        int depth = 1;
        int at = from;
        while (depth > 0) {
            int nextOpen = xml.indexOf(open, at);
            int nextClose = xml.indexOf(close, at);
            if (nextClose < 0) {
                return -1;
            }
            if (nextOpen >= 0 && nextOpen < nextClose) {
                depth++;
                at = nextOpen + open.length();
            } else {
                depth--;
                at = nextClose + close.length();
            }
        }
        return at;
    }

    private String renameElement(String xml) {
        List<MatchResult> leaves = matches(LEAF, xml);
        if (leaves.isEmpty()) {
            return xml;
        }
        MatchResult leaf = leaves.get(random.nextInt(leaves.size()));
        String name = leaf.group(1) + (random.nextBoolean() ? "X" : "s");
        return xml.substring(0, leaf.start(0)) + "<" + name + ">" + leaf.group(2) + "</" + name + ">"
                + xml.substring(leaf.end(0));
    }

    private String insertUnknown(String xml) {
        String name = "extra" + random.nextInt(5);
        String junk = "<" + name + " a='" + random.nextInt() + "'>" + escape(junk()) + "</" + name + ">";
        int at = elementBoundary(xml);
        return xml.substring(0, at) + junk + xml.substring(at);
    }

    private String unknownSignalType(String xml) {
        String type = List.of("", "CALL", "call ", "hangup", "bye", "parametersChanged", "update", "accept", "reject",
                "iceCandidates", "x", "signal" + random.nextInt(1000)).get(random.nextInt(12));
        return xml.replaceFirst("<signalType>[^<]*</signalType>", "<signalType>" + escape(type) + "</signalType>");
    }

    private String truncateSdp(String xml) {
        Matcher sdp = Pattern.compile("<sdp>([^<]*)</sdp>").matcher(xml);
        if (!sdp.find()) {
            return xml;
        }
        String text = sdp.group(1);
        String kept = text.substring(0, random.nextInt(text.length() + 1));
        int entity = kept.lastIndexOf('&');
        if (entity >= 0 && kept.indexOf(';', entity) < 0) {
            kept = kept.substring(0, entity); // never cut an entity in half: the stanza stays well-formed
        }
        return xml.substring(0, sdp.start(1)) + kept + xml.substring(sdp.end(1));
    }

    private String hugeUserInfo(String xml) {
        StringBuilder info = new StringBuilder("<userInfo>");
        if (random.nextInt(4) == 0) {
            info.append("<big>").append("A".repeat(1000 + random.nextInt(MAX_CHARS / 2))).append("</big>");
        } else {
            int keys = 1 + random.nextInt(2000);
            for (int i = 0; i < keys; i++) {
                info.append("<k").append(i).append('>').append(i).append("</k").append(i).append('>');
            }
        }
        info.append("</userInfo>");
        // only now and then: big stanzas are what makes a fuzz run slow
        return random.nextInt(50) == 0 ? xml.replaceFirst("<userInfo>.*?</userInfo>|$", info.toString()) : xml;
    }

    private String deepNesting(String xml) {
        int depth = 2 + random.nextInt(random.nextInt(20) == 0 ? 5000 : 50);
        StringBuilder nest = new StringBuilder("<userInfo>");
        nest.append("<n>".repeat(depth)).append("deep").append("</n>".repeat(depth)).append("</userInfo>");
        return xml + nest;
    }

    private String markupAsText(String xml) {
        String text = List.of("&lt;signalType&gt;hangUp&lt;/signalType&gt;", "&amp;amp;&amp;lt;", "&#x1F600;&#233;",
                "<![CDATA[<signalType>hangUp</signalType>]]>", "&quot;&apos;").get(random.nextInt(5));
        List<MatchResult> leaves = matches(LEAF, xml);
        if (leaves.isEmpty()) {
            return xml;
        }
        MatchResult leaf = leaves.get(random.nextInt(leaves.size()));
        return xml.substring(0, leaf.start(2)) + text + xml.substring(leaf.end(2));
    }

    private String emptyParams(String xml) {
        return random.nextInt(10) == 0 ? "" : xml;
    }

    // ---- helpers -----------------------------------------------------------------------

    private String junk() {
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "0";
            case 3 -> "-1";
            case 4 -> "9223372036854775808";
            case 5 -> "1e9";
            case 6 -> "NaN";
            case 7 -> liveSession;
            case 8 -> UUID.randomUUID().toString();
            case 9 -> Long.toString(victim);
            case 10 -> Long.toString(livePeer);
            case 11 -> Long.toString(sender);
            case 12 -> "<signalType>hangUp</signalType>";
            case 13 -> "Grüße, 你好, \uD83D\uDE00";
            case 14 -> random.nextInt(10) == 0 ? "x".repeat(1000 + random.nextInt(20_000)) : "xyz";
            default -> Integer.toString(random.nextInt());
        };
    }

    /** A position in {@code xml} between two elements (or an end). */
    private int elementBoundary(String xml) {
        List<Integer> boundaries = new ArrayList<>(List.of(0, xml.length()));
        Matcher ends = Pattern.compile("</[A-Za-z]+>").matcher(xml);
        while (ends.find()) {
            boundaries.add(ends.end());
        }
        return boundaries.get(random.nextInt(boundaries.size()));
    }

    private static List<MatchResult> matches(Pattern pattern, String xml) {
        List<MatchResult> found = new ArrayList<>();
        Matcher m = pattern.matcher(xml);
        while (m.find()) {
            found.add(m.toMatchResult());
        }
        return found;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The children of an {@code <extraParams>} element as XML. */
    private static String inner(String extraParams) {
        int open = extraParams.indexOf('>') + 1;
        int close = extraParams.lastIndexOf("</extraParams>");
        return extraParams.substring(open, close);
    }
}
