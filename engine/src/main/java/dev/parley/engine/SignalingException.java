package dev.parley.engine;

/**
 * A signal could not be sent or the signaling transport could not be set up: the server is
 * unreachable, the login was refused, the connection is down. The message names the cause.
 *
 * <p>Threading: exceptions are immutable and may cross threads.
 */
public class SignalingException extends CallException {

    /**
     * Creates an exception that explains why signaling failed.
     *
     * @param message what failed and what to do about it
     */
    public SignalingException(String message) {
        super(message);
    }

    /**
     * Creates an exception that wraps the transport's own failure.
     *
     * @param message what failed and what to do about it
     * @param cause the transport's failure
     */
    public SignalingException(String message, Throwable cause) {
        super(message, cause);
    }
}
