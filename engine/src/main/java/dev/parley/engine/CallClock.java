package dev.parley.engine;

import java.time.Duration;

/**
 * The source of time for a client's timers: dialing repeats, answer and disconnect timeouts,
 * stats reports. Production code leaves it unset and gets a real clock owned by the
 * {@link CallClient}; tests pass {@link dev.parley.engine.testing.ManualClock} to run a
 * 45-second timeout in no time.
 *
 * <p>Threading: {@link #schedule} may be called from any thread; the task may run on any
 * thread (the engine hands it over to its own thread).
 */
public interface CallClock {

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @return a subscription that cancels the task if it has not run yet
     */
    Subscription schedule(Duration delay, Runnable task);

    /** Monotonic time in nanoseconds, for measuring how long something took (a call ringing, say). */
    default long nanoTime() {
        return System.nanoTime();
    }
}
