package dev.parley.engine.xmpp;

import dev.parley.engine.SignalingException;
import dev.parley.engine.internal.LogThrottle;
import dev.parley.engine.Subscription;
import dev.parley.engine.signaling.Signal;
import dev.parley.engine.signaling.SignalHandler;
import dev.parley.engine.signaling.SignalingChannel;
import dev.parley.engine.signaling.SignalingState;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signaling over XMPP, on the QuickBlox wire (docs/signaling.md), so that Parley users and QuickBlox
 * web and mobile users on the same XMPP server can call each other. Built on Smack.
 *
 * <p>Lifecycle: {@link #connect} connects, logs in and sends available presence (and returns
 * only once the server has it, so that signals to this user are delivered), or throws a
 * {@link SignalingException} that names the cause (wrong password, unknown host, refused port,
 * TLS failure, timeout). When the connection drops later, the state goes to
 * {@link SignalingState#DISCONNECTED}, the channel reconnects by itself every few seconds, and
 * {@link #send} fails with a {@link SignalingException} until it is back. {@link #close()}
 * disconnects for good; it is idempotent. A {@link dev.parley.engine.CallClient} created on
 * this channel owns it and closes it.
 *
 * <p>What it receives: headline messages with an {@code extraParams} element whose
 * {@code moduleIdentifier} is {@code WebRTCVideoChat}, from a user of the same domain who is a
 * participant of the signal's session. Everything else is ignored: other message types,
 * offline replays (with {@code <delay>}), other modules, signals from outside the session.
 * Malformed signals are logged and dropped; nothing received can throw into Smack. The
 * dialing repeats of a {@code call} are all delivered: the client rings once per session.
 *
 * <p>Threading: thread safe. Handlers and state listeners run on this channel's own thread,
 * {@code parley-xmpp-USER}, one at a time and in arrival order.
 */
public final class XmppSignaling implements SignalingChannel {

    private static final Logger log = LoggerFactory.getLogger(XmppSignaling.class);
    private static final int RECONNECT_DELAY_SECONDS = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger STANZA_COUNTER = new AtomicInteger(RANDOM.nextInt());

    static {
        // Smack's registry is process wide; registering the same provider again is harmless.
        ProviderManager.addExtensionProvider(ExtraParams.ELEMENT, ExtraParams.NAMESPACE, new ExtraParams.Provider());
        // and so is its parser factory: deeply nested junk must not kill a connection's reader
        ShallowXmlParsers.install();
    }

    private final XmppSettings settings;
    private final XMPPTCPConnection connection;
    private final ExecutorService delivery;
    private final List<SignalHandler> handlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<SignalingState>> stateListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<SignalingState> state = new AtomicReference<>(SignalingState.DISCONNECTED);
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Warnings about what others send, at a bounded rate: a flood of junk must not flood the log. */
    private volatile Thread deliveryThread;
    private final LogThrottle strays = new LogThrottle(log, Duration.ofMinutes(1), 20);

    private XmppSignaling(XmppSettings settings, XMPPTCPConnection connection) {
        this.settings = settings;
        this.connection = connection;
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parley-xmpp-" + settings.userId());
            t.setDaemon(true);
            deliveryThread = t;
            return t;
        });
    }

    /**
     * Connects, logs in and announces the user as available. Blocks until done.
     *
     * @throws SignalingException if the server cannot be reached, TLS fails, or the login is
     *     refused; the message says which, and nothing is left open
     */
    public static XmppSignaling connect(XmppSettings settings) {
        Objects.requireNonNull(settings, "settings");
        XMPPTCPConnection connection = new XMPPTCPConnection(configuration(settings));
        connection.setReplyTimeout(settings.replyTimeout().toMillis());
        XmppSignaling channel = new XmppSignaling(settings, connection);
        connection.setParsingExceptionCallback(unparsable -> channel.strays.warn(
                "signaling: dropped an unreadable stanza from the server: {}", unparsable.getParsingException().toString()));
        // Before login, so that nothing sent to us right after our presence is missed.
        connection.addSyncStanzaListener(channel::stanzaReceived,
                new StanzaExtensionFilter(ExtraParams.ELEMENT, ExtraParams.NAMESPACE));
        if (settings.plaintextAllowed()) {
            log.warn("XMPP connection to {}:{} may be unencrypted (allowPlaintext): logins, signals and SDP"
                    + " can then be read on the network", settings.host().orElse(settings.domain()), settings.port());
        }
        try {
            connection.connect();
            connection.login();
            // login() queued our available presence; a reply to a ping sent after it proves the server
            // has processed it, so a headline sent to us from now on is delivered, not dropped as to
            // an offline user.
            if (!PingManager.getInstanceFor(connection).pingMyServer(false)) {
                throw new SmackException.SmackMessageException("the server did not answer a ping after login");
            }
        } catch (SmackException | IOException | XMPPException e) {
            channel.shutDown();
            throw ConnectFailures.explain(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.shutDown();
            throw new SignalingException("interrupted while logging in as " + settings.localJid(), e);
        } catch (RuntimeException e) {
            channel.shutDown();
            throw e;
        }
        channel.start();
        log.info("signaling: logged in as {}", connection.getUser());
        return channel;
    }

    private static XMPPTCPConnectionConfiguration configuration(XmppSettings settings) {
        try {
            XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(settings.domain())
                    .setUsernameAndPassword(settings.addressing().localpart(settings.userId()), settings.password())
                    .setResource(settings.resource())
                    .setPort(settings.port())
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                    .setSecurityMode(settings.plaintextAllowed() ? SecurityMode.ifpossible : SecurityMode.required)
                    .setSendPresence(true)
                    .setSocketFactory(new NoDelaySockets());
            if (settings.host().isPresent()) {
                builder.setHost(settings.host().get());
            }
            if (settings.trustedCertificate().isPresent()) {
                X509TrustManager trust = TrustedCertificates.trustManager(settings.trustedCertificate().get());
                builder.setCustomX509TrustManager(trust);
            }
            return builder.build();
        } catch (XmppStringprepException e) {
            throw new SignalingException("'" + settings.localJid() + "' is not a valid XMPP address: " + e.getMessage(), e);
        } catch (GeneralSecurityException | IOException e) {
            throw new SignalingException("cannot read the certificate to trust from "
                    + settings.trustedCertificate().orElseThrow() + ": " + e.getMessage(), e);
        }
    }

    private void start() {
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                changeState(SignalingState.CONNECTED);
            }

            @Override
            public void connectionClosed() {
                if (!closed.get()) {
                    changeState(SignalingState.DISCONNECTED);
                }
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                log.warn("signaling: connection of {} lost ({}); reconnecting every {} s", settings.localJid(),
                        e.toString(), RECONNECT_DELAY_SECONDS);
                changeState(SignalingState.DISCONNECTED);
            }
        });
        ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(connection);
        reconnection.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.FIXED_DELAY);
        reconnection.setFixedDelay(RECONNECT_DELAY_SECONDS);
        reconnection.enableAutomaticReconnection();
        state.set(SignalingState.CONNECTED);
    }

    @Override
    public long localUserId() {
        return settings.userId();
    }

    /** The settings this channel logged in with. */
    public XmppSettings settings() {
        return settings;
    }

    @Override
    public SignalingState state() {
        return state.get();
    }

    @Override
    public Subscription addStateListener(Consumer<SignalingState> listener) {
        Objects.requireNonNull(listener, "listener");
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    /**
     * Sends {@code signal} to {@code toUserId}'s bare JID as a headline.
     *
     * @throws SignalingException if the channel is closed or the connection is down
     */
    @Override
    public void send(long toUserId, Signal signal) {
        Objects.requireNonNull(signal, "signal");
        if (closed.get()) {
            throw new SignalingException("cannot send " + signal.signalType() + " to user " + toUserId
                    + ": the XMPP signaling of " + settings.localJid() + " is closed");
        }
        if (!connection.isAuthenticated()) {
            throw new SignalingException("cannot send " + signal.signalType() + " to user " + toUserId
                    + ": the XMPP connection of " + settings.localJid() + " is down; it is reconnecting");
        }
        Message message = StanzaBuilder.buildMessage(newStanzaId())
                .to(jidOf(toUserId))
                .ofType(Message.Type.headline)
                .addExtension(SignalCodec.encode(signal))
                .build();
        try {
            connection.sendStanza(message);
        } catch (SmackException.NotConnectedException e) {
            throw new SignalingException("cannot send " + signal.signalType() + " to user " + toUserId
                    + ": the XMPP connection of " + settings.localJid() + " is down; it is reconnecting", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException("interrupted while sending " + signal.signalType() + " to user " + toUserId, e);
        }
    }

    @Override
    public Subscription subscribe(SignalHandler handler) {
        Objects.requireNonNull(handler, "handler");
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    /** Disconnects and stops the delivery thread. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        changeState(SignalingState.CLOSED);
        shutDown();
        log.info("signaling: {} disconnected", settings.localJid());
    }

    private void shutDown() {
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        connection.disconnect();
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("signaling: a handler of {} is still busy after close", settings.localJid());
                delivery.shutdownNow();
            }
            // the executor reports termination just before its worker thread has ended
            Thread worker = deliveryThread;
            if (worker != null && worker != Thread.currentThread()) {
                worker.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "XmppSignaling[" + settings.localJid() + ", " + state.get() + "]";
    }

    // ---- receiving -------------------------------------------------------------------

    /** On Smack's reader thread: hand over and return at once. */
    private void stanzaReceived(Stanza stanza) {
        if (closed.get()) {
            return;
        }
        try {
            delivery.execute(() -> deliver(stanza));
        } catch (RejectedExecutionException e) {
            // closing: nothing is delivered any more
        }
    }

    private void deliver(Stanza stanza) {
        try {
            Optional<Received> received = read(stanza);
            if (received.isEmpty()) {
                return;
            }
            for (SignalHandler handler : handlers) {
                try {
                    handler.signalReceived(received.get().from(), received.get().signal());
                } catch (RuntimeException e) {
                    log.error("signaling: a handler of {} failed on {}", settings.localJid(),
                            received.get().signal().signalType(), e);
                }
            }
        } catch (RuntimeException e) {
            strays.warn("signaling: dropped a stanza from {} that could not be read: {}", stanza.getFrom(), e.toString());
        }
    }

    private record Received(long from, Signal signal) {
    }

    /** The signal a stanza carries for us, or empty when the rules of docs/signaling.md say to ignore it. */
    private Optional<Received> read(Stanza stanza) {
        if (!(stanza instanceof Message message) || message.getType() != Message.Type.headline) {
            log.debug("ignored extraParams in a non-headline stanza from {}", stanza.getFrom());
            return Optional.empty();
        }
        if (message.hasExtension("delay", "urn:xmpp:delay") || message.hasExtension("x", "jabber:x:delay")) {
            log.debug("ignored a delayed (offline replay) signal from {}", stanza.getFrom());
            return Optional.empty();
        }
        OptionalLong from = senderOf(message.getFrom());
        if (from.isEmpty()) {
            strays.warn("signaling: ignored a signal from {}: not a user of {}", message.getFrom(), settings.domain());
            return Optional.empty();
        }
        ExtraParams params = message.getExtension(ExtraParams.ELEMENT, ExtraParams.NAMESPACE);
        Signal signal;
        try {
            Optional<Signal> decoded = SignalCodec.decode(params);
            if (decoded.isEmpty()) {
                return Optional.empty(); // another QuickBlox module's system message
            }
            signal = decoded.get();
        } catch (SignalCodec.MalformedSignalException e) {
            strays.warn("signaling: dropped a malformed signal from user {}: {}", from.getAsLong(), e.getMessage());
            return Optional.empty();
        }
        Signal.Header header = signal.header();
        if (!header.isParticipant(from.getAsLong()) || !header.isParticipant(settings.userId())) {
            strays.warn("signaling: ignored {} for session {} from user {}: sender or receiver is not a participant",
                    signal.signalType(), header.sessionId(), from.getAsLong());
            return Optional.empty();
        }
        return Optional.of(new Received(from.getAsLong(), signal));
    }

    private OptionalLong senderOf(Jid from) {
        if (from == null || from.getLocalpartOrNull() == null || !from.getDomain().toString().equals(settings.domain())) {
            return OptionalLong.empty();
        }
        return settings.addressing().userId(from.getLocalpartOrNull().toString());
    }

    private EntityBareJid jidOf(long userId) {
        String jid = settings.addressing().localpart(userId) + "@" + settings.domain();
        try {
            return JidCreate.entityBareFrom(jid);
        } catch (XmppStringprepException e) {
            throw new SignalingException("user " + userId + " has no valid XMPP address ('" + jid + "')", e);
        }
    }

    /** 24 hex characters, as QuickBlox's ids: seconds, random bytes, a counter. */
    private static String newStanzaId() {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        int seconds = (int) (System.currentTimeMillis() / 1000);
        int counter = STANZA_COUNTER.getAndIncrement() & 0xFFFFFF;
        return String.format("%08x", seconds) + HexFormat.of().formatHex(random) + String.format("%06x", counter);
    }

    private void changeState(SignalingState next) {
        SignalingState previous = state.getAndSet(next);
        if (previous == next) {
            return;
        }
        log.info("signaling: {} is {}", settings.localJid(), next);
        Runnable notify = () -> {
            for (Consumer<SignalingState> listener : stateListeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    log.error("signaling: a state listener of {} failed", settings.localJid(), e);
                }
            }
        };
        try {
            delivery.execute(notify);
        } catch (RejectedExecutionException e) {
            // already shut down
        }
    }
}
