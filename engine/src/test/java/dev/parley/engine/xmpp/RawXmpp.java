package dev.parley.engine.xmpp;

import dev.parley.engine.servers.Prosody;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * A plain XMPP client that sends whatever XML it is given, for tests that play someone who
 * does not follow the protocol: a fuzzer, a spoofer, a flood of calls. It logs in as a real
 * user of the test Prosody (the server stamps its address on every stanza, as in production)
 * and counts the incoming stanzas that match a filter, the rejects a flood receives say.
 */
public final class RawXmpp implements AutoCloseable {

    private final XMPPTCPConnection connection;
    private final AtomicLong received = new AtomicLong();

    private RawXmpp(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    /** Logs in as {@code userId} (registered on first use) and counts incoming stanzas whose XML matches {@code count}. */
    public static RawXmpp login(Prosody prosody, long userId, Predicate<String> count) throws Exception {
        prosody.user(userId);
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(Prosody.DOMAIN).setHost(prosody.host()).setPort(prosody.c2sPort())
                .setUsernameAndPassword(userId + "-" + Prosody.APP_ID, Prosody.password(userId))
                .setCustomX509TrustManager(TrustedCertificates.trustManager(prosody.certificate()))
                .setSecurityMode(SecurityMode.required).build());
        // never let anything we are sent (or our own junk echoed back) end the connection
        connection.setParsingExceptionCallback(unparsable -> { });
        RawXmpp raw = new RawXmpp(connection);
        connection.addAsyncStanzaListener(stanza -> raw.received.incrementAndGet(),
                stanza -> count.test(stanza.toXML().toString()));
        connection.connect().login();
        return raw;
    }

    /** Logs in as {@code userId}, counting nothing. */
    public static RawXmpp login(Prosody prosody, long userId) throws Exception {
        return login(prosody, userId, xml -> false);
    }

    /** The bare address of {@code userId} in the test domain, for a {@code to} attribute. */
    public static String jid(long userId) {
        return userId + "-" + Prosody.APP_ID + "@" + Prosody.DOMAIN;
    }

    /** Sends {@code xml} as it is, as one top-level stanza; it must be well-formed XML. */
    public void send(String xml) throws Exception {
        connection.sendNonza(new Nonza() {
            @Override
            public String getElementName() {
                return "message";
            }

            @Override
            public String getNamespace() {
                return "jabber:client";
            }

            @Override
            public CharSequence toXML(XmlEnvironment enclosing) {
                return xml;
            }
        });
    }

    /** Sends a {@code headline} message to {@code userId} whose only child is {@code <extraParams>inner</extraParams>}. */
    public void sendSignal(long userId, String inner) throws Exception {
        send("<message to='" + jid(userId) + "' type='headline' id='" + Long.toHexString(System.nanoTime())
                + "'><extraParams xmlns='jabber:client'>" + inner + "</extraParams></message>");
    }

    /** Incoming stanzas that matched the filter so far. */
    public long received() {
        return received.get();
    }

    public boolean isConnected() {
        return connection.isAuthenticated();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
