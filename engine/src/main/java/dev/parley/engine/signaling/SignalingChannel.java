package dev.parley.engine.signaling;

import dev.parley.engine.SignalingException;
import dev.parley.engine.Subscription;
import java.util.function.Consumer;

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

    /** Whether the channel can carry signals now. A channel that never drops is always connected until closed. */
    default SignalingState state() {
        return SignalingState.CONNECTED;
    }

    /**
     * Calls {@code listener} with every later change of {@link #state()}, on the channel's
     * delivery thread, in order with the signals. A channel that never drops never calls it.
     */
    default Subscription addStateListener(Consumer<SignalingState> listener) {
        return () -> { };
    }

    /** Disconnects. Idempotent; afterwards {@link #send} throws. */
    @Override
    void close();
}
