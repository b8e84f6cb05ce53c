package dev.parley.engine.testing;

import dev.parley.engine.CallClock;
import dev.parley.engine.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link CallClock} that moves only when a test says so: {@link #advance} runs every task
 * that falls due, in time order, on the calling thread. With it, a 45-second answer timeout
 * takes no time.
 *
 * <p>A published testing fixture, like jdbi's: use it in your own tests of code built on Parley.
 *
 * <p>Threading: thread safe.
 */
public final class ManualClock implements CallClock {

    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;
    private long sequence;

    /** A clock at time zero with nothing scheduled. */
    public ManualClock() {
    }

    @Override
    public synchronized Subscription schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(nowNanos + delay.toNanos(), sequence++, task);
        tasks.add(scheduled);
        return () -> {
            synchronized (ManualClock.this) {
                tasks.remove(scheduled);
            }
        };
    }

    /** Moves time forward by {@code duration}, running the tasks that fall due, earliest first. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowNanos + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> t.dueNanos <= target)
                        .min(Comparator.comparingLong(Task::dueNanos).thenComparingLong(Task::sequence))
                        .orElse(null);
                if (next == null) {
                    nowNanos = target;
                    return;
                }
                tasks.remove(next);
                nowNanos = Math.max(nowNanos, next.dueNanos);
            }
            next.action.run();
        }
    }

    /** The clock's own time: {@link #elapsed()} in nanoseconds. */
    @Override
    public long nanoTime() {
        return elapsed().toNanos();
    }

    /** Time elapsed since the clock was made. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nowNanos);
    }

    /** Number of tasks waiting to fall due. */
    public synchronized int pendingTasks() {
        return tasks.size();
    }

    private record Task(long dueNanos, long sequence, Runnable action) {
    }
}
