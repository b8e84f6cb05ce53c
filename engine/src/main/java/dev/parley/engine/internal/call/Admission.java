package dev.parley.engine.internal.call;

import dev.parley.engine.CallConfig;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.signaling.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Not API. The rules for {@code call} signals, in one place: which go to a live session (the
 * dialing repeats and the calls of other group callees), which are late (their session closed
 * here or was turned away), which are not for this user or malformed, which are held (a group
 * callee's call that came before the initiator's), which are rejected as busy, and which start
 * a new incoming session. Repeated calls need no filter of their own: a live session ignores a
 * second ring from the same user, and a closed one is remembered.
 *
 * <p>Memory is bounded: the last {@value #REMEMBERED_CLOSED} closed session ids, and held calls
 * of at most {@value #REMEMBERED_HELD} sessions, one per sender.
 *
 * <p>Threading: engine thread only.
 */
public final class Admission {

    /** What to do with a {@code call}. */
    public enum Verdict {
        /** For a live session: let it handle the (repeated, or group) ring. */
        TO_SESSION,
        /** For a session that closed here or was turned away: ignore. */
        LATE,
        /** Not addressed to this user, or from someone outside the session: ignore. */
        NOT_FOR_US,
        /** More opponents than a mesh allows, the same one twice, or no SDP: ignore. */
        MALFORMED,
        /** Another callee's call that came before the initiator's: kept until the initiator's arrives. */
        HELD,
        /** A new session while this user is busy: reject at once. */
        BUSY,
        /** A new incoming session to offer to the application. */
        NEW_SESSION
    }

    /** Most opponents one session can have: mesh calls are for 4 people at most. */
    public static final int MAX_OPPONENTS = dev.parley.engine.CallClient.MAX_OPPONENTS;
    static final int REMEMBERED_CLOSED = 256;
    static final int REMEMBERED_HELD = 64;

    private final long localUserId;
    private final CallConfig config;
    private final Set<String> closed = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_CLOSED;
        }
    });
    private final Map<String, Map<Long, Signal.Call>> held = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, Signal.Call>> eldest) {
            return size() > REMEMBERED_HELD;
        }
    };

    public Admission(long localUserId, CallConfig config) {
        this.localUserId = localUserId;
        this.config = config;
    }

    /**
     * Decides what {@code call} from {@code from} is.
     *
     * @param live whether its session is live here
     * @param liveSessions how many sessions are live here
     * @param ringing how many of them are incoming and not answered yet
     */
    public Verdict decide(long from, Signal.Call call, boolean live, int liveSessions, int ringing) {
        Signal.Header header = call.header();
        String id = header.sessionId();
        if (live) {
            return Verdict.TO_SESSION;
        }
        if (closed.contains(id)) {
            return Verdict.LATE;
        }
        if (!header.opponentIds().contains(localUserId) || !header.isParticipant(from) || from == localUserId) {
            return Verdict.NOT_FOR_US;
        }
        if (header.opponentIds().size() > MAX_OPPONENTS
                || new HashSet<>(header.opponentIds()).size() != header.opponentIds().size()
                || !SdpText.looksLikeSdp(call.sdp())) {
            return Verdict.MALFORMED;
        }
        if (from != header.initiatorId()) {
            held.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(from, call);
            return Verdict.HELD;
        }
        boolean busy = liveSessions > 0 && (config.rejectWhenBusy() || ringing + 1 > config.incomingLimit());
        if (busy) {
            turnedAway(id);
            return Verdict.BUSY;
        }
        return Verdict.NEW_SESSION;
    }

    /** The calls held for a session that has just started here, in arrival order; forgotten now. */
    public List<Map.Entry<Long, Signal.Call>> takeHeld(String sessionId) {
        Map<Long, Signal.Call> calls = held.remove(sessionId);
        return calls == null ? List.of() : new ArrayList<>(calls.entrySet());
    }

    /** A session closed here: later signals of it are late. */
    public void closed(String sessionId) {
        closed.add(sessionId);
    }

    private void turnedAway(String sessionId) {
        held.remove(sessionId);
        closed.add(sessionId);
    }

    /** How many sessions have held calls; for tests. */
    int heldSessions() {
        return held.size();
    }
}
