package dev.parley.engine;

/**
 * The life of a {@link CallSession}, as QuickBlox's {@code QBRTCSessionState}.
 *
 * <p>Threading: immutable.
 */
public enum SessionState {
    /** Created and ready for the next step: nothing has been sent or answered yet. */
    NEW,
    /** Waiting for other actions: the call rings, or an incoming call waits to be answered. */
    PENDING,
    /** At least one peer connection is being established. */
    CONNECTING,
    /** At least one peer connection is established. */
    CONNECTED,
    /** Closed: every peer connection in it has ended. A closed session never reopens. */
    CLOSED
}
