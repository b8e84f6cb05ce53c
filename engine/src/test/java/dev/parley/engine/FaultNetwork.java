package dev.parley.engine;

import dev.parley.engine.servers.NetworkNamespace;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.xmpp.XmppSignaling;

/**
 * The bed of the fault tests: a network namespace for a peer that runs in a process of its own
 * ({@link RemotePeer}), and a real Prosody listening on loopback and on the namespace's
 * gateway, so that clients in this JVM and in the namespace call each other through it while
 * the namespace's path can be cut or thinned out.
 */
final class FaultNetwork implements AutoCloseable {

    final NetworkNamespace namespace;
    final Prosody prosody;

    private FaultNetwork(NetworkNamespace namespace, Prosody prosody) {
        this.namespace = namespace;
        this.prosody = prosody;
    }

    /** Creates namespace {@code parley-NAME} and starts a Prosody for it. */
    static FaultNetwork create(String name) {
        NetworkNamespace namespace = NetworkNamespace.create(name);
        try {
            return new FaultNetwork(namespace, Prosody.startOn(namespace.gateway()));
        } catch (RuntimeException | Error e) {
            namespace.close();
            throw e;
        }
    }

    /** Starts {@code userId} in the namespace, logged in to this Prosody. */
    RemotePeer remotePeer(long userId, String... options) {
        return RemotePeer.start(namespace, prosody, userId, options);
    }

    /** A signaling channel for {@code userId} in this JVM. */
    XmppSignaling channel(long userId) {
        return XmppSignaling.connect(prosody.user(userId).build());
    }

    /** Cuts the namespace's media (UDP and ICE-TCP), keeping its XMPP connection up. */
    void cutMedia() {
        namespace.cutAllBut(prosody.c2sEndpoint());
    }

    /** Drops {@code percent} % of the namespace's packets at random, both ways, but not its XMPP connection. */
    void lose(int percent) {
        namespace.lose(percent, prosody.c2sEndpoint());
    }

    void heal() {
        namespace.heal();
    }

    @Override
    public void close() {
        try {
            prosody.close();
        } finally {
            namespace.close();
        }
    }
}
