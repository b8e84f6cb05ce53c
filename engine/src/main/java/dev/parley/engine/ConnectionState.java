package dev.parley.engine;

/**
 * The state of the connection to one participant of a session, as QuickBlox's
 * {@code QBRTCConnectionState}. {@link #isTerminal()} tells whether the connection has ended.
 *
 * <p>Threading: immutable.
 */
public enum ConnectionState {
    /** Nothing is known about this user in this session. */
    UNKNOWN,
    /** The peer connection exists and has done no networking yet. */
    NEW,
    /** Waiting for other actions: the call to this user rings. */
    PENDING,
    /** The offer/answer exchange is done and the ICE transports are being set up. */
    CONNECTING,
    /** ICE has candidates from both sides and is checking pairs. */
    CHECKING,
    /** Media flows to and from this user. */
    CONNECTED,
    /** The connection was lost; it may come back until the disconnect time runs out. */
    DISCONNECTED,
    /** The connection stayed lost for the whole disconnect time interval and was given up. */
    DISCONNECT_TIMEOUT,
    /** The connection was closed; the session may go on with others. */
    CLOSED,
    /** The ICE connection reached its maximum number (kept for parity with QuickBlox). */
    COUNT,
    /** The user did not answer within the answer time interval. */
    NO_ANSWER,
    /** The user rejected the call. */
    REJECTED,
    /** The user hung up. */
    HANG_UP,
    /** ICE failed: no candidate pair works, for example on a broken network. */
    FAILED;

    /** Whether the connection in this state has ended for good. */
    public boolean isTerminal() {
        return switch (this) {
            case DISCONNECT_TIMEOUT, CLOSED, NO_ANSWER, REJECTED, HANG_UP, FAILED -> true;
            default -> false;
        };
    }
}
