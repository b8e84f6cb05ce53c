package dev.parley.engine.internal.call;

import dev.parley.engine.CallClock;
import dev.parley.engine.Subscription;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Not API. The real clock a client runs when its configuration names none: one daemon thread
 * that only hands due tasks to the engine thread.
 *
 * <p>Threading: thread safe; closed by the client that created it.
 */
public final class SystemClock implements CallClock, AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    public SystemClock(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        if (timer.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
