package dev.parley.engine.internal.rtc;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not API. Counts the native objects Parley has created and not yet closed, per kind (factory, peer
 * connection, track, source). Every creation and every close of a native object goes through
 * here, so a leak shows up as a count that does not return to where it started.
 *
 * <p>Threading: thread safe.
 */
public final class NativeTracker {

    private static final Map<String, AtomicInteger> OPEN = new ConcurrentHashMap<>();

    private NativeTracker() {
    }

    static <T> T opened(String kind, T object) {
        OPEN.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        return object;
    }

    static void closed(String kind) {
        OPEN.computeIfAbsent(kind, k -> new AtomicInteger()).decrementAndGet();
    }

    /** Open native objects per kind, omitting kinds with none open. */
    public static Map<String, Integer> snapshot() {
        Map<String, Integer> result = new TreeMap<>();
        OPEN.forEach((kind, count) -> {
            if (count.get() != 0) {
                result.put(kind, count.get());
            }
        });
        return result;
    }
}
