package dev.parley.engine.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting in tests for what real calls do in their own time (a connection, a frame, a window),
 * polling every 20 ms, and failing with what was awaited and what was seen instead.
 *
 * <p>Threading: call from a test thread, never from the EDT or a callback.
 */
public final class Waits {

    private Waits() {
    }

    /**
     * Returns once {@code condition} holds.
     *
     * @param what describes what was awaited and the state seen, for the failure message
     * @throws AssertionError if it does not hold within {@code timeout}
     */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what.get(), e);
            }
        }
    }

    /**
     * Returns the value once {@code value} has one.
     *
     * @param what describes what was awaited, for the failure message
     * @throws AssertionError if it has none within {@code timeout}
     */
    public static <T> T untilPresent(Supplier<Optional<T>> value, Duration timeout, Supplier<String> what) {
        AtomicReference<T> found = new AtomicReference<>();
        until(() -> {
            value.get().ifPresent(found::set);
            return found.get() != null;
        }, timeout, what);
        return found.get();
    }
}
