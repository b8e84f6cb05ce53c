package dev.parley.engine.signaling;

/**
 * Receives the signals that arrive on a {@link SignalingChannel}.
 *
 * <p>Threading: called on the channel's delivery thread, one signal at a time, in arrival
 * order. Must not block.
 */
@FunctionalInterface
public interface SignalHandler {

    /**
     * A signal arrived.
     *
     * @param fromUserId the sender, as the transport authenticated it
     * @param signal the signal
     */
    void signalReceived(long fromUserId, Signal signal);
}
