package dev.parley.engine;

/**
 * A media device or the native media engine failed: no camera, a camera that cannot deliver
 * the requested format, or the WebRTC native library that cannot be loaded.
 *
 * <p>Threading: exceptions are immutable and may cross threads.
 */
public class MediaException extends CallException {

    /**
     * Creates an exception that explains which media operation failed.
     *
     * @param message what failed and what to do about it
     */
    public MediaException(String message) {
        super(message);
    }

    /**
     * Creates an exception that wraps the native failure.
     *
     * @param message what failed and what to do about it
     * @param cause the native failure
     */
    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
