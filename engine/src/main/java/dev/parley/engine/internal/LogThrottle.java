package dev.parley.engine.internal;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Not API. Warnings about what others send (malformed or stray signals) at a bounded rate: the
 * first {@code burst} of each period are logged, the rest only counted and reported in one
 * line when the next one gets through. Whoever floods a client with junk must not flood its
 * log, nor spend its CPU on formatting.
 *
 * <p>Threading: thread safe.
 */
public final class LogThrottle {

    private final Logger log;
    private final long periodNanos;
    private final int burst;
    private long periodStart = System.nanoTime();
    private int logged;
    private long suppressed;

    public LogThrottle(Logger log, Duration period, int burst) {
        this.log = log;
        this.periodNanos = period.toNanos();
        this.burst = burst;
    }

    /** Logs at WARN unless this period's burst is used up. */
    public void warn(String format, Object... arguments) {
        long missed;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - periodStart >= periodNanos) {
                periodStart = now;
                logged = 0;
            }
            if (logged >= burst) {
                suppressed++;
                return;
            }
            logged++;
            missed = suppressed;
            suppressed = 0;
        }
        if (missed > 0) {
            log.warn("({} similar warnings were not logged)", missed);
        }
        log.warn(format, arguments);
    }
}
