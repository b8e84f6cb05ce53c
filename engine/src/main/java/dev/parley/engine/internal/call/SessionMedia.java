package dev.parley.engine.internal.call;

/**
 * Not API. The local media of one session, as the call logic needs it: peer connections that
 * carry it. The media layer implements it (and exposes the tracks to the API's
 * {@code LocalMediaStream}).
 *
 * <p>Threading: engine thread only.
 */
public interface SessionMedia {

    /** A new peer connection to {@code userId} with the session's local tracks on it. */
    PeerConnectionPort connect(long userId, PeerConnectionPort.Events events);

    /** How loud the local user is now (0.0 to 1.0; 0 while muted). */
    double localAudioLevel();

    /** Releases the local tracks, sources and capture. Idempotent. */
    void close();
}
