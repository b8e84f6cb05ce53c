package dev.parley.engine.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.ConferenceType;
import dev.parley.engine.signaling.Signal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extraParams codec against the stanzas QuickBlox's JS SDK really sends (docs/signaling.md), and exact round trips. */
class SignalCodecTest {

    private static final String SESSION = "824f86f6-2de2-4dcb-b285-218896f457e7";
    private static final String SDP_LF = "v=0\no=- 4611731400430051336 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n";
    private static final String SDP_CRLF = SDP_LF.replace("\n", "\r\n");

    // As the JS SDK 2.23.0 sent them (docs/signaling.md), with the SDP shortened.
    private static final String CAPTURED_CALL = "<message id=\"6b04e419cc809a5619000000\" to=\"222-1@chat.qb.test\""
            + " type=\"headline\" xmlns=\"jabber:client\"><extraParams xmlns=\"jabber:client\"><userInfo><note>hello-from-111"
            + "</note><bandwidth>0</bandwidth></userInfo><sessionID>" + SESSION + "</sessionID><callType>1</callType>"
            + "<callerID>111</callerID><opponentsIDs><opponentID>222</opponentID></opponentsIDs><sdp>" + SDP_LF
            + "</sdp><moduleIdentifier>WebRTCVideoChat</moduleIdentifier><signalType>call</signalType>"
            + "<platform>web</platform></extraParams></message>";
    private static final String CAPTURED_CANDIDATES = "<message id=\"6b04e419a9066b5c5a000001\" to=\"111-1@chat.qb.test\""
            + " type=\"headline\" xmlns=\"jabber:client\"><extraParams xmlns=\"jabber:client\"><sessionID>" + SESSION
            + "</sessionID><callType>1</callType><callerID>111</callerID><opponentsIDs><opponentID>222</opponentID>"
            + "</opponentsIDs><iceCandidates><iceCandidate><candidate>candidate:3866843223 1 udp 2122194687 192.0.2.2"
            + " 47903 typ host generation 0 ufrag LkXb network-id 1</candidate><sdpMid>0</sdpMid><sdpMLineIndex>0"
            + "</sdpMLineIndex></iceCandidate></iceCandidates><moduleIdentifier>WebRTCVideoChat</moduleIdentifier>"
            + "<signalType>iceCandidates</signalType><platform>web</platform></extraParams></message>";
    // As Prosody delivers a hang-up: with from, without the inner xmlns.
    private static final String DELIVERED_HANG_UP = "<message from=\"111-1@chat.qb.test/abc\" id=\"6b04e41dcc809a5619000002\""
            + " to=\"222-1@chat.qb.test\" type=\"headline\" xmlns=\"jabber:client\"><extraParams><userInfo><reason>done"
            + "</reason></userInfo><sessionID>" + SESSION + "</sessionID><callType>1</callType><callerID>111</callerID>"
            + "<opponentsIDs><opponentID>222</opponentID></opponentsIDs><moduleIdentifier>WebRTCVideoChat"
            + "</moduleIdentifier><signalType>hangUp</signalType><platform>web</platform></extraParams></message>";

    private static final Signal.Header HEADER = new Signal.Header(SESSION, ConferenceType.VIDEO, 111, List.of(222L), "web");

    @BeforeAll
    static void registerProvider() {
        ProviderManager.addExtensionProvider(ExtraParams.ELEMENT, ExtraParams.NAMESPACE, new ExtraParams.Provider());
    }

    @Test
    void capturedCallFromTheJsSdkDecodesExactly() throws Exception {
        Signal signal = decode(CAPTURED_CALL);

        Map<String, String> userInfo = new LinkedHashMap<>();
        userInfo.put("note", "hello-from-111");
        userInfo.put("bandwidth", "0");
        assertThat(signal).isEqualTo(new Signal.Call(HEADER, SDP_CRLF, userInfo));
    }

    @Test
    void capturedIceCandidatesDecodeExactly() throws Exception {
        Signal signal = decode(CAPTURED_CANDIDATES);

        assertThat(signal).isEqualTo(new Signal.IceCandidates(HEADER, List.of(new Signal.IceCandidate(
                "candidate:3866843223 1 udp 2122194687 192.0.2.2 47903 typ host generation 0 ufrag LkXb network-id 1",
                "0", 0))));
    }

    @Test
    void hangUpAsProsodyDeliversItDecodesExactly() throws Exception {
        assertThat(decode(DELIVERED_HANG_UP)).isEqualTo(new Signal.HangUp(HEADER, Map.of("reason", "done")));
    }

    @Test
    void callEncodesToTheExactWireFormAndBack() throws Exception {
        Signal.Header header = new Signal.Header("s-1", ConferenceType.AUDIO, 111, List.of(222L, 333L), "java");
        Signal call = new Signal.Call(header, SDP_CRLF, Map.of("note", "<hi & bye>", "a", ""));

        String xml = SignalCodec.encode(call).toXML(XmlEnvironment.EMPTY).toString();

        assertThat(xml).isEqualTo("<extraParams xmlns='jabber:client'>"
                + "<moduleIdentifier>WebRTCVideoChat</moduleIdentifier><signalType>call</signalType>"
                + "<sessionID>s-1</sessionID><callType>2</callType><callerID>111</callerID>"
                + "<opponentsIDs><opponentID>222</opponentID><opponentID>333</opponentID></opponentsIDs>"
                + "<platform>java</platform><sdp>" + SDP_CRLF + "</sdp>"
                + "<userInfo><a/><note>&lt;hi &amp; bye&gt;</note></userInfo></extraParams>");
        assertThat(roundTrip(call)).isEqualTo(call);
    }

    @Test
    void everySignalTypeSurvivesARoundTripThroughXml() throws Exception {
        List<Signal> signals = List.of(
                new Signal.Call(HEADER, SDP_CRLF, Map.of()),
                new Signal.Accept(HEADER, SDP_CRLF, Map.of("answer", "hi", "name", "Ångström \uD83D\uDCDE")),
                new Signal.Reject(HEADER, Map.of("reason", "busy")),
                new Signal.HangUp(HEADER, Map.of()),
                new Signal.IceCandidates(HEADER, List.of(
                        new Signal.IceCandidate("candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host", "0", 0),
                        new Signal.IceCandidate("candidate:2 1 tcp 1518280447 10.0.0.1 9 typ host tcptype active",
                                "1", 1))),
                new Signal.Update(HEADER, "reconnect", "offer-7", SDP_CRLF, true),
                new Signal.Update(HEADER, "reconnect", "offer-7", SDP_CRLF, false));
        for (Signal signal : signals) {
            assertThat(roundTrip(signal)).as(signal.signalType()).isEqualTo(signal);
        }
    }

    @Test
    void updateCarriesItsSessionDescriptionAsTheJsSdkDoes() {
        String xml = SignalCodec.encode(new Signal.Update(HEADER, "reconnect", "o-1", "v=0\r\n", true)).toString();

        assertThat(xml).contains("<reason>reconnect</reason><sessionDescription><offerId>o-1</offerId>"
                + "<sdp>v=0\r\n</sdp><type>offer</type></sessionDescription>");
    }

    @Test
    void childrenInAnyOrderAndUnknownChildrenAreAccepted() throws Exception {
        String xml = message("<version_sdk>3.1</version_sdk><platform>ios</platform><signalType>reject</signalType>"
                + "<opponentsIDs><opponentID>222</opponentID></opponentsIDs><callerID>111</callerID>"
                + "<extra><deep>1</deep></extra><callType>1</callType><sessionID>" + SESSION + "</sessionID>"
                + "<moduleIdentifier>WebRTCVideoChat</moduleIdentifier>");

        assertThat(decode(xml)).isEqualTo(new Signal.Reject(
                new Signal.Header(SESSION, ConferenceType.VIDEO, 111, List.of(222L), "ios"), Map.of()));
    }

    @Test
    void nestedUserInfoIsFlattenedToDottedKeys() throws Exception {
        String xml = message(headerXml("hangUp") + "<userInfo><caller><name>Ann</name><age>7</age></caller>"
                + "<plain>x</plain></userInfo>");

        Signal.HangUp hangUp = (Signal.HangUp) decode(xml);

        assertThat(hangUp.userInfo()).containsExactlyInAnyOrderEntriesOf(
                Map.of("caller.name", "Ann", "caller.age", "7", "plain", "x"));
    }

    @Test
    void sdpWithBareLineFeedsOrCarriageReturnsIsRestoredToCrlf() throws Exception {
        String lf = message(headerXml("accept") + "<sdp>" + SDP_LF + "</sdp>");
        String cr = message(headerXml("accept") + "<sdp>" + SDP_LF.replace("\n", "&#13;") + "</sdp>");

        assertThat(((Signal.Accept) decode(lf)).sdp()).isEqualTo(SDP_CRLF);
        assertThat(((Signal.Accept) decode(cr)).sdp()).isEqualTo(SDP_CRLF);
    }

    @Test
    void anotherModulesSystemMessageIsNotASignal() throws Exception {
        String xml = message("<moduleIdentifier>SystemNotifications</moduleIdentifier><signalType>call</signalType>");

        assertThat(SignalCodec.decode(params(xml))).isEmpty();
    }

    @Test
    void malformedSignalsSayWhatIsWrong() {
        assertMalformed(message(headerXml("call")), "sdp is missing");
        assertMalformed(message(headerXml("dance")), "unknown signalType 'dance'");
        assertMalformed(message(headerXml("hangUp").replace("<callType>1</callType>", "<callType>9</callType>")),
                "callType 9 is neither 1 (video) nor 2 (audio)");
        assertMalformed(message(headerXml("hangUp").replace("<callType>1</callType>", "<callType>4294967297</callType>")),
                "callType 4294967297 is neither 1 (video) nor 2 (audio)");
        assertMalformed(message(headerXml("hangUp").replace("<callerID>111</callerID>", "<callerID>bob</callerID>")),
                "callerID 'bob' is not a number");
        assertMalformed(message(headerXml("hangUp").replace("<sessionID>" + SESSION + "</sessionID>", "")),
                "sessionID is missing");
        assertMalformed(message(headerXml("hangUp").replace("<opponentID>222</opponentID>", "")),
                "opponentsIDs is empty");
        assertMalformed(message(headerXml("iceCandidates") + "<iceCandidates><iceCandidate><sdpMid>0</sdpMid>"
                + "</iceCandidate></iceCandidates>"), "an iceCandidate has no candidate");
        assertMalformed(message(headerXml("update") + "<reason>reconnect</reason><sessionDescription><sdp>v=0</sdp>"
                + "<type>pranswer</type></sessionDescription>"), "update type 'pranswer' is neither offer nor answer");
    }

    @Test
    void quickBloxAddressingNamesOnlyUsersOfItsOwnApplication() {
        UserAddressing app1 = UserAddressing.quickBlox(1);

        assertThat(app1.localpart(111)).isEqualTo("111-1");
        assertThat(app1.userId("111-1")).hasValue(111);
        assertThat(app1.userId("111-2")).isEmpty();
        assertThat(app1.userId("111")).isEmpty();
        assertThat(app1.userId("mallory-1")).isEmpty();
        assertThat(app1.userId("-5-1")).isEmpty();
    }

    @Test
    void absurdlyDeepNestingIsRefusedByTheParser() {
        String deep = "<a>".repeat(20) + "x" + "</a>".repeat(20);

        assertThatThrownBy(() -> PacketParserUtils.parseStanza(message(headerXml("hangUp") + "<userInfo>" + deep
                + "</userInfo>"))).hasMessageContaining("nested deeper than 8 levels");
    }

    // ------------------------------------------------------------------ helpers

    private static Signal roundTrip(Signal signal) throws Exception {
        String xml = "<message xmlns='jabber:client' type='headline' from='111-1@d/r' to='222-1@d'>"
                + SignalCodec.encode(signal).toXML(XmlEnvironment.EMPTY) + "</message>";
        return decode(xml);
    }

    private static void assertMalformed(String xml, String reason) {
        assertThatThrownBy(() -> SignalCodec.decode(params(xml)))
                .isInstanceOf(SignalCodec.MalformedSignalException.class).hasMessage(reason);
    }

    private static String headerXml(String signalType) {
        return "<moduleIdentifier>WebRTCVideoChat</moduleIdentifier><signalType>" + signalType + "</signalType>"
                + "<sessionID>" + SESSION + "</sessionID><callType>1</callType><callerID>111</callerID>"
                + "<opponentsIDs><opponentID>222</opponentID></opponentsIDs><platform>web</platform>";
    }

    private static String message(String extraParamsContent) {
        return "<message xmlns='jabber:client' type='headline' from='111-1@d/r' to='222-1@d'><extraParams>"
                + extraParamsContent + "</extraParams></message>";
    }

    private static ExtraParams params(String xml) throws Exception {
        Message message = PacketParserUtils.parseStanza(xml);
        return message.getExtension(ExtraParams.ELEMENT, ExtraParams.NAMESPACE);
    }

    private static Signal decode(String xml) throws Exception {
        return SignalCodec.decode(params(xml)).orElseThrow();
    }
}
