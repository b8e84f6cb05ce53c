package dev.parley.engine;

/**
 * Progress of an attempt to restore a lost connection, as QuickBlox's
 * {@code QBRTCReconnectionState}.
 *
 * <p>Threading: immutable.
 */
public enum ReconnectionState {
    /** The connection was lost and is being restored. */
    RECONNECTING,
    /** The connection came back. */
    RECONNECTED,
    /** The connection did not come back within the disconnect time interval. */
    FAILED
}
