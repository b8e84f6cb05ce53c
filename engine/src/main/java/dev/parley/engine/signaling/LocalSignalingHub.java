package dev.parley.engine.signaling;

import dev.parley.engine.SignalingException;
import dev.parley.engine.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process signaling: every channel of one hub can reach every other, with no server. It is
 * the demo's embedded default and what fast tests use. Signals are delivered asynchronously,
 * in order, on one thread named {@code parley-local-signaling}; a signal to a user who has no
 * open channel is dropped, as an XMPP headline to an offline user is.
 *
 * <p>Threading: thread safe. {@link #close()} closes every channel and stops the delivery
 * thread.
 */
public final class LocalSignalingHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSignalingHub.class);

    private final Map<Long, LocalChannel> channels = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-local-signaling");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Creates a hub with its delivery thread. */
    public LocalSignalingHub() {
    }

    /**
     * Opens the channel of {@code userId}.
     *
     * @throws IllegalStateException if that user already has an open channel, or the hub is closed
     */
    public SignalingChannel channel(long userId) {
        requireOpen();
        LocalChannel channel = new LocalChannel(userId);
        if (channels.putIfAbsent(userId, channel) != null) {
            throw new IllegalStateException("user " + userId + " already has an open channel on this hub");
        }
        return channel;
    }

    /** Users that have an open channel. */
    public List<Long> onlineUsers() {
        return List.copyOf(channels.keySet());
    }

    /**
     * Waits until every signal sent before this call has been handed to its receivers. For
     * tests that need a quiet moment between steps.
     */
    public void awaitDelivered() {
        try {
            delivery.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // closed: nothing is in flight any more
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("local signaling did not drain within 5 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every channel and stops the delivery thread. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        channels.values().forEach(LocalChannel::close);
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this LocalSignalingHub is closed");
        }
    }

    private final class LocalChannel implements SignalingChannel {
        private final long userId;
        private final List<SignalHandler> handlers = new CopyOnWriteArrayList<>();
        private final AtomicBoolean channelClosed = new AtomicBoolean();

        LocalChannel(long userId) {
            this.userId = userId;
        }

        @Override
        public long localUserId() {
            return userId;
        }

        @Override
        public void send(long toUserId, Signal signal) {
            if (channelClosed.get()) {
                throw new SignalingException("cannot send " + signal.signalType() + " to " + toUserId
                        + ": the local signaling channel of user " + userId + " is closed");
            }
            try {
                delivery.execute(() -> deliver(toUserId, signal));
            } catch (RejectedExecutionException e) {
                throw new SignalingException("cannot send " + signal.signalType() + " to " + toUserId
                        + ": the local signaling hub is closed", e);
            }
        }

        private void deliver(long toUserId, Signal signal) {
            LocalChannel target = channels.get(toUserId);
            if (target == null) {
                log.debug("dropped {} from {} to {}: user is not online", signal.signalType(), userId, toUserId);
                return;
            }
            for (SignalHandler handler : target.handlers) {
                try {
                    handler.signalReceived(userId, signal);
                } catch (RuntimeException e) {
                    log.error("signal handler of user {} failed on {}", toUserId, signal.signalType(), e);
                }
            }
        }

        @Override
        public SignalingState state() {
            return channelClosed.get() ? SignalingState.CLOSED : SignalingState.CONNECTED;
        }

        @Override
        public Subscription subscribe(SignalHandler handler) {
            handlers.add(handler);
            return () -> handlers.remove(handler);
        }

        @Override
        public void close() {
            if (channelClosed.getAndSet(true)) {
                return;
            }
            channels.remove(userId, this);
            handlers.clear();
        }

        @Override
        public String toString() {
            return "LocalSignalingChannel[" + userId + "]";
        }
    }
}
