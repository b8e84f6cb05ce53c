package dev.parley.engine.internal.call;

/**
 * Not API. The ICE connection state of a peer connection, as the call logic needs it; the media
 * layer maps its native states onto these.
 */
public enum IceState {
    NEW, CHECKING, CONNECTED, COMPLETED, DISCONNECTED, FAILED, CLOSED
}
