package dev.parley.demo;

import dev.parley.engine.ConferenceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A call under way as the history will remember it: when it began, whether and when it
 * connected, whether it was declined; {@link #finish} tells how it ended.
 *
 * <p>Threading: EDT.
 */
final class PendingCall {

    private final CallHistory.Direction direction;
    private final ConferenceType type;
    private final List<Long> peers;
    private final Instant at = Instant.now();
    private Instant connectedAt;
    private boolean declined;

    PendingCall(CallHistory.Direction direction, ConferenceType type, List<Long> peers) {
        this.direction = direction;
        this.type = type;
        this.peers = List.copyOf(peers);
    }

    /** Someone answered and the media flows (the first time counts). */
    void connected() {
        if (connectedAt == null) {
            connectedAt = Instant.now();
        }
    }

    /** Declined: by this user (incoming) or by the one called (outgoing). */
    void declined() {
        declined = true;
    }

    /** The call as it ended now: answered (and how long), declined, missed or not answered. */
    CallHistory.Call finish() {
        CallHistory.Outcome outcome;
        Duration length = Duration.ZERO;
        if (connectedAt != null) {
            outcome = CallHistory.Outcome.ANSWERED;
            length = Duration.between(connectedAt, Instant.now());
        } else if (declined) {
            outcome = CallHistory.Outcome.DECLINED;
        } else {
            outcome = direction == CallHistory.Direction.INCOMING ? CallHistory.Outcome.MISSED
                    : CallHistory.Outcome.NO_ANSWER;
        }
        return new CallHistory.Call(at, direction, outcome, type, peers, length);
    }
}
