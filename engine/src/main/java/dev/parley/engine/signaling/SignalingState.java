package dev.parley.engine.signaling;

/**
 * Whether a {@link SignalingChannel} can carry signals right now.
 *
 * <p>Media of a connected call flows peer to peer and survives a signaling outage, but nothing
 * can be started, answered or ended while the channel is {@link #DISCONNECTED}: sends fail
 * with a {@link dev.parley.engine.SignalingException}.
 */
public enum SignalingState {
    /** Logged in; signals go out and come in. */
    CONNECTED,
    /** The connection was lost; the channel is trying to get it back by itself. */
    DISCONNECTED,
    /** Closed for good, by {@code close()}. */
    CLOSED
}
