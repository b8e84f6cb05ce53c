package dev.parley.engine.conference;

import dev.parley.engine.ReconnectionState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@link ConferenceSession} has to restore after the connection to Janus dropped:
 * its publication, the subscriptions it had (made again as their publishers come back), and
 * the publishers it knew who do not publish again, reported as left after
 * {@code disconnectTimeInterval}.
 *
 * <p>Threading: thread safe; {@link #lost}, {@link #rejoin} and {@link #failed} come on the
 * client's reconnecting thread, the rest from the room's events.
 */
final class Rejoin {

    private static final Logger log = LoggerFactory.getLogger(Rejoin.class);

    private final ConferenceSession session;
    private final ConferenceClient client;
    /** Users received before the drop, to subscribe to again when they publish. */
    private final Set<Long> resubscribe = ConcurrentHashMap.newKeySet();
    /** Publishers known before the drop who do not publish since, with the timer that gives up on them. */
    private final Map<Long, ScheduledFuture<?>> missing = new ConcurrentHashMap<>();
    private volatile boolean republish;

    Rejoin(ConferenceSession session, ConferenceClient client) {
        this.session = session;
        this.client = client;
    }

    /** The drop took the publication (when {@code published}) and the subscriptions to {@code received}. */
    void lost(boolean published, Collection<Long> received) {
        republish = published;
        if (published) {
            session.reconnectionStateChanged(client.userId(), ReconnectionState.RECONNECTING);
        }
        for (long userId : received) {
            resubscribe.add(userId);
            session.reconnectionStateChanged(userId, ReconnectionState.RECONNECTING);
        }
    }

    /** Connected again: publishes again, subscribes again to those back, waits for the others. */
    void rejoin(Set<Long> knownPublishers) {
        List<Long> present = List.copyOf(knownPublishers);
        if (republish) {
            try {
                present = session.publishAgain();
                republish = false;
                session.reconnectionStateChanged(client.userId(), ReconnectionState.RECONNECTED);
            } catch (JanusException e) {
                session.error(e);
                session.reconnectionStateChanged(client.userId(), ReconnectionState.FAILED);
            }
        }
        for (long userId : knownPublishers) {
            if (!present.contains(userId)) {
                missing.computeIfAbsent(userId, id -> client.schedule(
                        client.settings().config().disconnectTimeInterval(), () -> notBack(id)));
            }
        }
        for (long userId : Set.copyOf(resubscribe)) {
            if (present.contains(userId)) {
                restore(userId);
            }
        }
    }

    /** The server did not come back in time: what was to be restored failed. */
    void failed() {
        if (republish) {
            session.reconnectionStateChanged(client.userId(), ReconnectionState.FAILED);
        }
        resubscribe.forEach(userId -> session.reconnectionStateChanged(userId, ReconnectionState.FAILED));
    }

    /** {@code userId} publishes (again): no longer missing, and received again if it was before. */
    void published(long userId) {
        ScheduledFuture<?> waiting = missing.remove(userId);
        if (waiting != null) {
            waiting.cancel(false);
        }
        if (resubscribe.contains(userId)) {
            // subscribing waits for Janus, whose next message cannot come while this one is handled
            client.later(() -> restore(userId));
        }
    }

    /** {@code userId} left, or is not wanted any more: nothing to restore for them. */
    void forget(long userId) {
        resubscribe.remove(userId);
        ScheduledFuture<?> waiting = missing.remove(userId);
        if (waiting != null) {
            waiting.cancel(false);
        }
    }

    /** The session left. */
    void close() {
        missing.values().forEach(timer -> timer.cancel(false));
        missing.clear();
        resubscribe.clear();
    }

    private void restore(long userId) {
        if (session.isClosed() || !resubscribe.remove(userId)) {
            return;
        }
        try {
            session.subscribeToParticipant(userId);
            session.reconnectionStateChanged(userId, ReconnectionState.RECONNECTED);
        } catch (JanusException | IllegalStateException e) {
            log.info("conference: subscribing to user {} again failed: {}", userId, e.getMessage());
            session.reconnectionStateChanged(userId, ReconnectionState.FAILED);
        }
    }

    private void notBack(long userId) {
        missing.remove(userId);
        resubscribe.remove(userId);
        session.publisherGone(userId);
    }
}
