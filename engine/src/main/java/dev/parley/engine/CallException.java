package dev.parley.engine;

/**
 * Root of every exception Parley throws on purpose. It is unchecked: a failed call is
 * something the application reports to its user, not something every caller must declare.
 * Specific failures have their own subclasses ({@link SignalingException},
 * {@link MediaException}); the message always says what failed, with what input, and what
 * to do about it.
 *
 * <p>Threading: exceptions are immutable and may cross threads.
 */
public class CallException extends RuntimeException {

    /**
     * Creates an exception with a message that explains the failure.
     *
     * @param message what failed and what to do about it
     */
    public CallException(String message) {
        super(message);
    }

    /**
     * Creates an exception that wraps the underlying cause.
     *
     * @param message what failed and what to do about it
     * @param cause the lower-level failure
     */
    public CallException(String message, Throwable cause) {
        super(message, cause);
    }
}
