package dev.parley.engine.servers;

/** A test server could not be installed, started or reached. */
public final class ServerUnavailableException extends RuntimeException {

    public ServerUnavailableException(String message) {
        super(message);
    }

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
