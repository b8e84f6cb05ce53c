package dev.parley.engine.internal.call;

import dev.parley.engine.Subscription;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The ICE-restart negotiation of one {@link PeerLink} while it reconnects: when to
 * send an {@code update} offer ({@code reason=reconnect}), which answers count, and who yields
 * when offers cross. docs/signaling.md tells the whole story, with the QuickBlox JS SDK's part.
 *
 * <ul>
 * <li>The first restart goes out {@code iceRestartDelay} after the loss toward Parley, and after
 *     {@value #QUICKBLOX_GRACE_SECONDS} s toward a QuickBlox SDK, which restarts by itself first.
 * <li>One restart is enough while the path is down: ICE keeps checking the new candidates and
 *     connects when the path returns. Another follows only if an offer gets no answer within
 *     5 s, if ICE fails again, or if signaling was lost and came back; restarting more often
 *     would make a QuickBlox JS peer replace its peer connection again and again.
 * <li>Crossed offers: the lower user id is polite, rolls its own offer back and answers; the
 *     higher id ignores the lower id's offer.
 * </ul>
 *
 * <p>Threading: engine thread only.
 */
final class IceRestarts {

    /** How long an ICE-restart offer may wait for its answer before another is sent. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    static final int QUICKBLOX_GRACE_SECONDS = 8;

    private static final Logger log = LoggerFactory.getLogger(IceRestarts.class);

    private final PeerLink.Host host;
    private final long userId;
    private final BooleanSupplier reconnecting;
    private Subscription timer;
    /** The id of our restart offer that waits for its answer. */
    private String offerId;

    IceRestarts(PeerLink.Host host, long userId, BooleanSupplier reconnecting) {
        this.host = host;
        this.userId = userId;
        this.reconnecting = reconnecting;
    }

    /** The link lost its path: plans the first restart, as the peer's platform calls for. */
    void lost(String remotePlatform, Supplier<PeerConnectionPort> connection) {
        timer = host.schedule(firstDelay(remotePlatform), () -> restartNow(connection.get()));
    }

    /**
     * How long to wait before our first restart. A QuickBlox SDK peer restarts ICE by itself 5 s
     * after it notices the loss, and it replaces its peer connection for every restart offer; a
     * restart of ours that lands before its own makes it replace the connection twice, and the
     * JS SDK (2.23.0) then leaves the first replacement running, whose DTLS handshake breaks
     * ours. So toward a QuickBlox peer we let it go first and restart only if it does not.
     */
    private Duration firstDelay(String remotePlatform) {
        Duration configured = host.config().iceRestartDelay();
        Duration grace = Duration.ofSeconds(QUICKBLOX_GRACE_SECONDS);
        if (PeerLink.PARLEY_PLATFORM.equals(remotePlatform) || configured.compareTo(grace) >= 0) {
            return configured;
        }
        return grace;
    }

    /** Whether our restart offer waits for its answer. */
    boolean waitingForAnswer() {
        return offerId != null;
    }

    /** Sends a restart offer now if signaling can carry it (else a later {@code signalingRestored} does). */
    void restartNow(PeerConnectionPort connection) {
        stop();
        if (!reconnecting.getAsBoolean()) {
            return;
        }
        String session = host.header().sessionId();
        if (!host.signalingUp()) {
            log.info("session {}: signaling is down; the ICE restart toward {} waits for it", session, userId);
            return;
        }
        String id = UUID.randomUUID().toString();
        offerId = id;
        log.info("session {}: restarting ICE toward user {} (offer {})", session, userId, id);
        connection.offer(true, sdp -> {
            if (id.equals(offerId)) {
                host.send(userId, new Signal.Update(host.header(), "reconnect", id, sdp, true));
            }
        });
        timer = host.schedule(ANSWER_TIMEOUT, () -> {
            if (id.equals(offerId)) {
                log.info("session {}: no answer from user {} to ICE-restart offer {}", session, userId, id);
                restartNow(connection);
            }
        });
    }

    /**
     * A restart offer or answer from the other side, while the link is connected or
     * reconnecting. Offers are answered unless ours is out and we are the higher id; answers
     * count only for our current offer.
     */
    void updateReceived(Signal.Update update, PeerConnectionPort connection) {
        String session = host.header().sessionId();
        if (!"reconnect".equals(update.reason())) {
            log.debug("session {}: ignored update from {} with reason '{}'", session, userId, update.reason());
            return;
        }
        if (!update.offer()) {
            if (!update.offerId().equals(offerId)) {
                log.debug("session {}: ignored a reconnect answer from {} for offer '{}', not ours", session, userId,
                        update.offerId());
                return;
            }
            stop();
            connection.applyAnswer(update.sdp());
            return;
        }
        boolean polite = host.localUserId() < userId;
        if (connection.hasLocalOffer() && !polite) {
            log.info("session {}: reconnect offers crossed with {}; ours stands (the lower id yields)", session, userId);
            return;
        }
        log.info("session {}: answering the reconnect offer of {}", session, userId);
        stop();
        connection.answer(update.sdp(), answer -> host.send(userId,
                new Signal.Update(host.header(), "reconnect", update.offerId(), answer, false)));
    }

    /** A restart exchange failed: the next attempt, or the disconnect timer, decides. */
    void exchangeFailed() {
        offerId = null;
    }

    /** Nothing more to send: the link recovered, ended, or a restart was negotiated. */
    void stop() {
        offerId = null;
        if (timer != null) {
            timer.close();
            timer = null;
        }
    }
}
