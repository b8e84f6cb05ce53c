package dev.parley.engine.internal.call;

import dev.parley.engine.CallListener;
import dev.parley.engine.Subscription;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Hands listener callbacks to the configured executor one at a time, in the order
 * they were fired, even when that executor is a thread pool: a callback is submitted only after
 * the previous one has run.
 *
 * <p>Threading: thread safe.
 */
public final class ListenerDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ListenerDispatcher.class);

    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final Executor executor;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    public ListenerDispatcher(Executor executor) {
        this.executor = executor;
    }

    public Subscription add(CallListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void remove(CallListener listener) {
        listeners.remove(listener);
    }

    public void fire(Consumer<CallListener> event) {
        Runnable task = () -> {
            for (CallListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    log.error("a CallListener threw; the other listeners still get the event", e);
                }
            }
        };
        synchronized (queue) {
            queue.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        submitNext();
    }

    private void submitNext() {
        Runnable next;
        synchronized (queue) {
            next = queue.poll();
            if (next == null) {
                draining = false;
                return;
            }
        }
        Runnable step = () -> {
            try {
                next.run();
            } finally {
                submitNext();
            }
        };
        try {
            executor.execute(step);
        } catch (RuntimeException e) {
            log.error("the callback executor refused a listener callback; dropping the queued ones", e);
            synchronized (queue) {
                queue.clear();
                draining = false;
            }
        }
    }
}
