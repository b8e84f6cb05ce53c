package dev.parley.engine;

/**
 * A registration that ends when closed: a listener, a signal handler, a video sink.
 * Closing twice does nothing.
 *
 * <p>Threading: may be closed from any thread.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Ends the registration. Idempotent. */
    @Override
    void close();
}
