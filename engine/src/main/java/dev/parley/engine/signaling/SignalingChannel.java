package dev.parley.engine.signaling;

import dev.parley.engine.SignalingException;
import dev.parley.engine.Subscription;

/**
 * The transport that carries {@link Signal}s between users: XMPP in production
 * ({@code dev.parley.engine.xmpp.XmppSignaling}), or the in-process {@link LocalSignalingHub}.
 * A {@link dev.parley.engine.CallClient} uses one channel and closes it when the client closes.
 *
 * <p>Threading: implementations are thread safe. Handlers are called on the channel's own
 * delivery thread.
 */
public interface SignalingChannel extends AutoCloseable {

    /** The user this channel is logged in as. */
    long localUserId();

    /**
     * Sends {@code signal} to {@code toUserId}. Delivery is asynchronous; a signal to a user who
     * is not online is dropped, as an XMPP headline to an offline user is.
     *
     * @throws SignalingException if the channel is closed or its connection is down
     */
    void send(long toUserId, Signal signal);

    /** Delivers every received signal to {@code handler} until the subscription is closed. */
    Subscription subscribe(SignalHandler handler);

    /** Disconnects. Idempotent; afterwards {@link #send} throws. */
    @Override
    void close();
}
