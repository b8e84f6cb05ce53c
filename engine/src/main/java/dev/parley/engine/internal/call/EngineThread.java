package dev.parley.engine.internal.call;

import java.util.concurrent.Callable;

/**
 * Not API. The one thread a client's call logic and media run on ({@code parley-rtc-USER}).
 * Implemented by the media layer, which owns the thread.
 *
 * <p>Threading: thread safe.
 */
public interface EngineThread {

    /** Runs {@code task} on the engine thread later; a failure is logged, not thrown. Dropped once closed. */
    void execute(Runnable task);

    /**
     * Runs {@code task} on the engine thread and waits for its result (inline when already on it).
     *
     * @throws IllegalStateException if the engine is closed
     */
    <T> T call(Callable<T> task);

    /** Whether the caller is the engine thread. */
    boolean isEngineThread();
}
