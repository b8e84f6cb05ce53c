package dev.parley.engine.conference;

import dev.parley.engine.CallException;

/**
 * A Janus server refused a request or could not be reached: the message names what was asked
 * and what the server answered, with its error code (Janus's own, e.g. 458 no such session,
 * 460 no such plugin, or a video room code such as 426 no such room), or 0 when the server
 * gave none (unreachable, timed out, closed).
 *
 * <p>Threading: immutable.
 */
public class JanusException extends CallException {

    private final int code;

    /** A failure with the server's {@code code} (0 for none). */
    public JanusException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** A failure caused by {@code cause}, without a server code. */
    public JanusException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    /** Janus's error code, or 0 when the server did not answer with one. */
    public int code() {
        return code;
    }
}
