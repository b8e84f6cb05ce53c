package dev.parley.engine.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.ConferenceType;
import dev.parley.engine.SignalingException;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.signaling.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** XmppSignaling against a real Prosody started by src/servers/prosody.sh. */
@ExtendWith(Servers.class)
class XmppSignalingTest {

    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private Prosody prosody;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void server(Prosody shared) {
        prosody = shared;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private XmppSignaling login(long userId) {
        XmppSignaling channel = XmppSignaling.connect(prosody.user(userId).build());
        opened.add(channel);
        return channel;
    }

    private static BlockingQueue<String> inbox(XmppSignaling channel) {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        channel.subscribe((from, signal) -> inbox.add(from + " " + signal));
        return inbox;
    }

    private static Signal.Header header(long initiator, long... opponents) {
        List<Long> ids = new ArrayList<>();
        for (long o : opponents) {
            ids.add(o);
        }
        return new Signal.Header("session-" + System.nanoTime(), ConferenceType.VIDEO, initiator, ids, "java");
    }

    @Test
    void signalsTravelBetweenTwoUsersExactlyAndInOrder() throws Exception {
        XmppSignaling alice = login(111);
        XmppSignaling bob = login(222);
        BlockingQueue<String> bobInbox = inbox(bob);
        Signal.Header header = header(111, 222);
        Signal call = new Signal.Call(header, SDP, Map.of("note", "héllo <&>", "empty", ""));
        Signal ice = new Signal.IceCandidates(header, List.of(
                new Signal.IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host", "0", 0)));
        Signal hangUp = new Signal.HangUp(header, Map.of("reason", "done"));

        alice.send(222, call);
        alice.send(222, ice);
        alice.send(222, hangUp);

        assertThat(bobInbox.poll(5, TimeUnit.SECONDS)).isEqualTo("111 " + call);
        assertThat(bobInbox.poll(5, TimeUnit.SECONDS)).isEqualTo("111 " + ice);
        assertThat(bobInbox.poll(5, TimeUnit.SECONDS)).isEqualTo("111 " + hangUp);
        assertThat(alice.state()).isEqualTo(dev.parley.engine.signaling.SignalingState.CONNECTED);
    }

    @Test
    void repeatedCallsOfOneSessionAreAllDeliveredForTheClientToRingOnce() throws Exception {
        XmppSignaling alice = login(111);
        XmppSignaling bob = login(222);
        BlockingQueue<String> bobInbox = inbox(bob);
        Signal.Header header = header(111, 222);
        Signal call = new Signal.Call(header, SDP, Map.of());
        Signal hangUp = new Signal.HangUp(header, Map.of());

        alice.send(222, call);
        alice.send(222, call);
        alice.send(222, call);
        alice.send(222, hangUp);

        assertThat(bobInbox.poll(5, TimeUnit.SECONDS)).isEqualTo("111 " + call);
        assertThat(bobInbox.poll(5, TimeUnit.SECONDS)).isEqualTo("111 " + call);
        assertThat(bobInbox.poll(5, TimeUnit.SECONDS)).isEqualTo("111 " + call);
        assertThat(bobInbox.poll(5, TimeUnit.SECONDS)).isEqualTo("111 " + hangUp);
        assertThat(bobInbox.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void strayAndMalformedStanzasAreDroppedAndTheConnectionStaysUp() throws Exception {
        XmppSignaling bob = login(222);
        BlockingQueue<String> bobInbox = inbox(bob);
        XMPPTCPConnection mallory = rawConnection(444);
        String session = "stray-" + System.nanoTime();
        String good = "<sessionID>" + session + "</sessionID><callType>1</callType><callerID>444</callerID>"
                + "<opponentsIDs><opponentID>222</opponentID></opponentsIDs><platform>web</platform>"
                + "<moduleIdentifier>WebRTCVideoChat</moduleIdentifier>";

        sendRaw(mallory, Message.Type.chat, good + "<signalType>hangUp</signalType>");            // not a headline
        sendRaw(mallory, Message.Type.headline, good.replace("WebRTCVideoChat", "Other")
                + "<signalType>hangUp</signalType>");                                            // another module
        sendRaw(mallory, Message.Type.headline, good.replace("<callerID>444", "<callerID>111")
                .replace("<opponentID>222", "<opponentID>333") + "<signalType>hangUp</signalType>"); // not for us
        sendRaw(mallory, Message.Type.headline, good.replace("<callerID>444", "<callerID>111")
                + "<signalType>hangUp</signalType>");                                            // sender not a participant
        sendRaw(mallory, Message.Type.headline, good + "<signalType>call</signalType>");           // call without sdp
        sendRaw(mallory, Message.Type.headline, good.replace("<callType>1", "<callType>x")
                + "<signalType>hangUp</signalType>");                                            // garbage number
        sendRaw(mallory, Message.Type.headline, good + "<signalType>hangUp</signalType><userInfo>"
                + "<a>".repeat(30) + "</a>".repeat(30) + "</userInfo>");                          // unparsable depth
        Message delayed = message(Message.Type.headline, good + "<signalType>hangUp</signalType>",
                StandardExtensionElement.builder("delay", "urn:xmpp:delay")
                        .addAttribute("stamp", "2026-01-01T00:00:00Z").build());                 // offline replay
        mallory.sendStanza(delayed);
        sendRaw(mallory, Message.Type.headline, good + "<signalType>reject</signalType><userInfo><why>late</why>"
                + "</userInfo>");                                                                // the one valid signal

        String received = bobInbox.poll(5, TimeUnit.SECONDS);
        assertThat(received).startsWith("444 Reject[").contains(session).contains("{why=late}");
        assertThat(bobInbox.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(bob.state()).isEqualTo(dev.parley.engine.signaling.SignalingState.CONNECTED);
    }

    @Test
    void aDeeplyNestedStanzaInAForeignNamespaceDoesNotDeafenTheConnection() throws Exception {
        XmppSignaling bob = login(222);
        BlockingQueue<String> bobInbox = inbox(bob);
        String session = "deep-" + System.nanoTime();
        try (RawXmpp mallory = RawXmpp.login(prosody, 444)) {
            // 30,000 levels in 210 KB: Smack parses an element of an unknown namespace by recursion,
            // which overflowed its reader thread's stack and left the connection reading nothing
            mallory.send("<message to='" + RawXmpp.jid(222) + "' type='headline' id='deep'><junk xmlns='urn:example:junk'>"
                    + "<n>".repeat(30_000) + "</n>".repeat(30_000) + "</junk></message>");
            mallory.sendSignal(222, "<sessionID>" + session + "</sessionID><callType>1</callType><callerID>444"
                    + "</callerID><opponentsIDs><opponentID>222</opponentID></opponentsIDs><platform>web</platform>"
                    + "<moduleIdentifier>WebRTCVideoChat</moduleIdentifier><signalType>hangUp</signalType>");

            assertThat(bobInbox.poll(10, TimeUnit.SECONDS)).startsWith("444 HangUp[").contains(session);
        }
    }

    @Test
    void wrongPasswordIsRefusedByName() {
        XmppSettings settings = prosody.user(111).password("not-the-password").build();

        assertThatThrownBy(() -> XmppSignaling.connect(settings))
                .isInstanceOf(SignalingException.class)
                .hasMessageContaining("111-1@chat.parley.test")
                .hasMessageContaining("wrong password or unknown user")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password"));
    }

    @Test
    void unknownHostIsNamed() {
        XmppSettings settings = prosody.user(111).host("no-such-host.invalid").build();

        assertThatThrownBy(() -> XmppSignaling.connect(settings))
                .isInstanceOf(SignalingException.class)
                .hasMessageContaining("unknown host 'no-such-host.invalid'");
    }

    @Test
    void refusedPortIsNamed() throws Exception {
        int closedPort = Prosody.freePort();
        XmppSettings settings = prosody.user(111).port(closedPort).build();

        assertThatThrownBy(() -> XmppSignaling.connect(settings))
                .isInstanceOf(SignalingException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("connection refused");
    }

    @Test
    void untrustedCertificateFailsTlsByName() throws Exception {
        // The same server without its certificate: the JVM's trust store does not know it.
        XmppSettings settings = XmppSettings.builder().host("127.0.0.1").port(prosody.c2sPort())
                .domain(Prosody.DOMAIN).appId(Prosody.APP_ID).userId(111).password(Prosody.password(111)).build();
        prosody.user(111);

        assertThatThrownBy(() -> XmppSignaling.connect(settings))
                .isInstanceOf(SignalingException.class)
                .hasMessageContaining("TLS")
                .hasMessageContaining("certificate is not trusted")
                .hasMessageContaining("trustCertificate");
    }

    @Test
    void certificateForAnotherDomainFailsTls() throws Exception {
        Path otherCert = Files.createTempFile("other", ".pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=other.test", "-keyout", "/dev/null", "-out", otherCert.toString())
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        XmppSettings settings = prosody.user(111).trustCertificate(otherCert).build();

        assertThatThrownBy(() -> XmppSignaling.connect(settings))
                .isInstanceOf(SignalingException.class)
                .hasMessageContaining("certificate is not trusted");
    }

    @Test
    void serverWithoutTlsIsRefusedUnlessPlaintextIsExplicitlyAllowed() {
        try (Prosody plain = Prosody.startWithoutTls()) {
            XmppSettings.Builder settings = plain.user(111);

            assertThatThrownBy(() -> XmppSignaling.connect(settings.build()))
                    .isInstanceOf(SignalingException.class)
                    .hasMessageContaining("does not offer TLS, which Parley requires")
                    .hasMessageContaining("allowPlaintext()");
            try (XmppSignaling channel = XmppSignaling.connect(settings.allowPlaintext().build())) {
                assertThat(channel.state()).isEqualTo(dev.parley.engine.signaling.SignalingState.CONNECTED);
                assertThat(channel.settings().toString()).contains("plaintext allowed");
            }
        }
    }

    @Test
    void sendingAfterCloseFailsClearly() {
        XmppSignaling alice = login(111);
        alice.close();

        assertThatThrownBy(() -> alice.send(222, new Signal.HangUp(header(111, 222), Map.of())))
                .isInstanceOf(SignalingException.class)
                .hasMessageContaining("is closed");
        assertThat(alice.state()).isEqualTo(dev.parley.engine.signaling.SignalingState.CLOSED);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("parley-xmpp-111"));
    }

    @Test
    void settingsNeverShowThePassword() {
        XmppSettings settings = prosody.user(111).build();

        assertThat(settings.toString()).doesNotContain(Prosody.password(111)).contains("password hidden")
                .contains("111-1@chat.parley.test");
    }

    // ------------------------------------------------------------------ raw XMPP, to send what Parley never would

    private XMPPTCPConnection rawConnection(long userId) throws Exception {
        prosody.user(userId);
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(Prosody.DOMAIN).setHost("127.0.0.1").setPort(prosody.c2sPort())
                .setUsernameAndPassword(userId + "-1", Prosody.password(userId))
                .setCustomX509TrustManager(TrustedCertificates.trustManager(prosody.certificate()))
                .setSecurityMode(SecurityMode.required).build());
        connection.connect().login();
        opened.add(connection::disconnect);
        return connection;
    }

    private static void sendRaw(XMPPTCPConnection connection, Message.Type type, String extraParams) throws Exception {
        connection.sendStanza(message(type, extraParams, null));
    }

    private static Message message(Message.Type type, String extraParams, StandardExtensionElement extra)
            throws Exception {
        // Raw XML, unparsed, so that even what our own provider refuses can be sent.
        ExtensionElement params = new ExtensionElement() {
            @Override
            public String getElementName() {
                return ExtraParams.ELEMENT;
            }

            @Override
            public String getNamespace() {
                return ExtraParams.NAMESPACE;
            }

            @Override
            public CharSequence toXML(XmlEnvironment enclosing) {
                return "<extraParams>" + extraParams + "</extraParams>";
            }
        };
        var builder = StanzaBuilder.buildMessage().to(JidCreate.entityBareFrom("222-1@" + Prosody.DOMAIN))
                .ofType(type).addExtension(params);
        if (extra != null) {
            builder.addExtension(extra);
        }
        return builder.build();
    }
}
