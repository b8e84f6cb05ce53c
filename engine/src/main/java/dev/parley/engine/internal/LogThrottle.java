package dev.parley.engine.internal;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Not API. Log lines that can repeat without end (warnings about what others send, native
 * warnings) at a bounded rate: the first {@code burst} of each period are logged, the rest only
 * counted and reported in one line when the next one gets through. Whoever floods a client with junk must not flood its
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
        long missed = admit();
        if (missed < 0) {
            return;
        }
        if (missed > 0) {
            log.warn("({} similar warnings were not logged)", missed);
        }
        log.warn(format, arguments);
    }

    /** Logs at ERROR unless this period's burst is used up. */
    public void error(String format, Object... arguments) {
        long missed = admit();
        if (missed < 0) {
            return;
        }
        if (missed > 0) {
            log.error("({} similar errors were not logged)", missed);
        }
        log.error(format, arguments);
    }

    /** How many were held back since the last one logged, or -1 when this one is held back too. */
    private long admit() {
        long missed;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - periodStart >= periodNanos) {
                periodStart = now;
                logged = 0;
            }
            if (logged >= burst) {
                suppressed++;
                return -1;
            }
            logged++;
            missed = suppressed;
            suppressed = 0;
        }
        return missed;
    }
}
