package dev.parley.engine.internal.call;

import dev.parley.engine.ConnectionState;
import dev.parley.engine.SessionState;
import dev.parley.engine.Subscription;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. How a callee of a group call joins the mesh, as the QuickBlox SDKs do: after
 * accepting the initiator it calls every other callee with a lower id ("the higher id calls the
 * lower"), ringing only for what is left of the session's answer time, and it waits as long for
 * the calls of the higher ids; such a call is answered at once once the local user accepted, or
 * held until then. A higher id that never calls is reported as not answering.
 *
 * <p>Threading: engine thread only.
 */
final class MeshJoin {

    private static final Logger log = LoggerFactory.getLogger(MeshJoin.class);

    private final SessionCore session;
    /** When the session was created here, on the client's clock: ringing time counts from it. */
    private final long createdNanos;
    /** The local user answered the session. */
    private boolean accepted;
    /** Waits for the calls of the higher-id callees. */
    private Subscription wait;

    MeshJoin(SessionCore session, long createdNanos) {
        this.session = session;
        this.createdNanos = createdNanos;
    }

    /** The local user accepted {@code caller}'s call: answer the held calls, call the lower ids, wait for the higher. */
    void accepted(PeerLink caller) {
        accepted = true;
        Map<Long, PeerLink> links = session.links();
        for (PeerLink link : List.copyOf(links.values())) {
            if (link != caller && link.state() == ConnectionState.PENDING && !link.isOfferer()) {
                link.accept(Map.of()); // offers other callees already sent us, answered without userInfo
            }
        }
        Duration left = remainingRingTime();
        long me = session.localUserId();
        List<Long> opponents = session.header().opponentIds();
        for (long other : opponents) {
            if (other < me && !links.containsKey(other) && !session.connectionState(other).isTerminal()) {
                PeerLink link = new PeerLink(session, other, true);
                links.put(other, link);
                link.call(Map.of(), left);
            }
        }
        if (opponents.stream().anyMatch(other -> other > me)) {
            wait = session.schedule(left, this::waitExpired);
        }
    }

    /** Another callee of the group calls us: answered at once if we accepted, else when we do. */
    void callReceived(long from, Signal.Call call) {
        Map<Long, PeerLink> links = session.links();
        if (links.containsKey(from)) {
            return; // a repeated ring
        }
        if (!session.isIncoming() || from == session.header().initiatorId() || session.state() == SessionState.CLOSED
                || session.connectionState(from).isTerminal()) {
            log.debug("session {}: ignored call from {}", session.id(), from);
            return;
        }
        if (!SdpText.looksLikeSdp(call.sdp())) {
            session.context().strays().warn("session {}: ignored call from {}: its SDP is not a session description",
                    session.id(), from);
            return;
        }
        PeerLink link = new PeerLink(session, from, false);
        links.put(from, link);
        link.offered(call);
        if (accepted) {
            link.accept(Map.of());
        }
    }

    void close() {
        if (wait != null) {
            wait.close();
        }
    }

    /** What is left of the answer time since the session started ringing here; at least one dialing period. */
    private Duration remainingRingTime() {
        Duration elapsed = Duration.ofNanos(session.context().nanoTime() - createdNanos);
        Duration left = session.config().answerTimeInterval().minus(elapsed);
        Duration dialing = session.config().dialingTimeInterval();
        return left.compareTo(dialing) < 0 ? dialing : left;
    }

    private void waitExpired() {
        wait = null;
        if (session.state() == SessionState.CLOSED) {
            return;
        }
        for (long other : session.header().opponentIds()) {
            if (other > session.localUserId() && !session.links().containsKey(other)
                    && !session.connectionState(other).isTerminal()) {
                log.info("session {}: user {} never joined the mesh", session.id(), other);
                session.markWithoutLink(other, ConnectionState.NO_ANSWER);
                session.events().userDidNotRespond(other);
            }
        }
    }
}
