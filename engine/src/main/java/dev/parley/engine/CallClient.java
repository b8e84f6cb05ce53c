package dev.parley.engine;

import dev.parley.engine.internal.LogThrottle;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.signaling.Signal;
import dev.parley.engine.signaling.SignalingChannel;
import dev.parley.engine.signaling.SignalingState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: one local user's calls over one signaling channel, as QuickBlox's
 * {@code QBRTCClient}. Create it with {@link #create}, add a {@link CallListener}, then start
 * calls with {@link #createSession} and answer the ones that arrive in
 * {@link CallListener#sessionReceived}.
 *
 * <p>Lifecycle: {@link #close()} hangs up every live session, releases every native object,
 * stops the client's threads ({@code parley-rtc-USER}, {@code parley-timer-USER}) and closes the
 * signaling channel. It is idempotent; other methods throw {@link IllegalStateException}
 * afterwards.
 *
 * <p>Threading: thread safe. All WebRTC work runs on the client's engine thread; listener
 * callbacks run on the configured executor.
 */
public final class CallClient implements AutoCloseable {

    /** Most opponents one session can have: mesh calls are for 4 people at most. */
    public static final int MAX_OPPONENTS = 3;
    /** The platform name Parley puts in its signals. */
    public static final String PLATFORM = "java";

    private static final Logger log = LoggerFactory.getLogger(CallClient.class);
    private static final int REMEMBERED_CLOSED_SESSIONS = 256;

    private final SignalingChannel channel;
    private final CallConfig config;
    private final long userId;
    private final RtcEngine rtc;
    private final ListenerDispatcher dispatcher;
    private final CallClock clock;
    private final SystemClock ownedClock;
    private final Map<String, CallSession> sessions = new ConcurrentHashMap<>();
    private final Set<String> closedSessionIds = java.util.Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_CLOSED_SESSIONS;
                }
            });
    /** Calls from one group callee to another that came before the initiator's own call; engine thread only. */
    private final Map<String, List<Map.Entry<Long, Signal.Call>>> earlyMeshCalls = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Map.Entry<Long, Signal.Call>>> eldest) {
            return size() > 64;
        }
    };
    private final Subscription signalSubscription;
    private final Subscription stateSubscription;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Warnings about signals others send that are ignored, at a bounded rate. */
    private final LogThrottle strays = new LogThrottle(log, java.time.Duration.ofMinutes(1), 20);

    private CallClient(SignalingChannel channel, CallConfig config) {
        this.channel = channel;
        this.config = config;
        this.userId = channel.localUserId();
        this.dispatcher = new ListenerDispatcher(config.callbackExecutor());
        this.ownedClock = config.clock().isPresent() ? null : new SystemClock("parley-timer-" + userId);
        this.clock = config.clock().orElse(ownedClock);
        try {
            this.rtc = new RtcEngine("parley-rtc-" + userId, config.audioDeviceMode());
        } catch (RuntimeException e) {
            if (ownedClock != null) {
                ownedClock.close();
            }
            throw e;
        }
        this.signalSubscription = channel.subscribe((from, signal) -> rtc.execute(() -> signalReceived(from, signal)));
        this.stateSubscription = channel.addStateListener(state -> {
            log.info("user {}: signaling is {}", userId, state);
            dispatcher.fire(listener -> listener.signalingStateChanged(state));
            if (state == SignalingState.CONNECTED) {
                rtc.execute(() -> sessions.values().forEach(CallSession::signalingRestored));
            }
        });
    }

    /**
     * Starts a client for the user of {@code channel}: loads the WebRTC native library and
     * creates the peer connection factory. The client owns the channel and closes it.
     *
     * @throws MediaException if the native engine cannot start
     */
    public static CallClient create(SignalingChannel channel, CallConfig config) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(config, "config");
        return new CallClient(channel, config);
    }

    /** The local user. */
    public long userId() {
        return userId;
    }

    /** This client's configuration. */
    public CallConfig config() {
        return config;
    }

    /** Registers a listener for every session of this client; close the subscription to remove it. */
    public Subscription addListener(CallListener listener) {
        requireOpen();
        return dispatcher.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added with {@link #addListener}. */
    public void removeListener(CallListener listener) {
        dispatcher.remove(listener);
    }

    /**
     * Creates an outgoing session with 1 to {@value #MAX_OPPONENTS} opponents; nothing is sent
     * until {@link CallSession#startCall}.
     *
     * @throws IllegalArgumentException if the opponents are empty, more than
     *     {@value #MAX_OPPONENTS}, repeated, not positive, or include the local user
     */
    public CallSession createSession(List<Long> opponentIds, ConferenceType type) {
        Objects.requireNonNull(type, "type");
        List<Long> opponents = validateOpponents(opponentIds);
        requireOpen();
        Signal.Header header = new Signal.Header(UUID.randomUUID().toString(), type, userId, opponents, PLATFORM);
        return rtc.call(() -> {
            CallSession session = new CallSession(this, rtc, header, false);
            sessions.put(session.id(), session);
            return session;
        });
    }

    /** Whether the signaling channel can carry signals now; changes arrive in {@link CallListener#signalingStateChanged}. */
    public SignalingState signalingState() {
        return channel.state();
    }

    /** Sessions that have not closed yet. */
    public List<CallSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /** Hangs up every live session, releases everything native, stops the threads. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        List<Throwable> failures = new ArrayList<>();
        signalSubscription.close();
        stateSubscription.close();
        try {
            rtc.close(() -> {
                for (CallSession session : List.copyOf(sessions.values())) {
                    session.hangUpNow(Map.of());
                }
            });
        } catch (RuntimeException e) {
            failures.add(e);
        }
        try {
            channel.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (ownedClock != null) {
            ownedClock.close();
        }
        if (!failures.isEmpty()) {
            CallException failure = new CallException("client of user " + userId + " did not close cleanly",
                    failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    // ---- engine internals ------------------------------------------------------------

    /** Waits until the engine thread has run everything queued so far; for tests. */
    void awaitEngineIdle() {
        rtc.call(() -> null);
    }

    LogThrottle strays() {
        return strays;
    }

    ListenerDispatcher dispatcher() {
        return dispatcher;
    }

    CallClock clock() {
        return clock;
    }

    SignalingChannel channel() {
        return channel;
    }

    void sessionClosed(CallSession session) {
        sessions.remove(session.id());
        closedSessionIds.add(session.id());
    }

    private void signalReceived(long from, Signal signal) {
        if (closed.get()) {
            return;
        }
        if (signal instanceof Signal.Call call) {
            callReceived(from, call);
            return;
        }
        CallSession session = sessions.get(signal.header().sessionId());
        if (session == null) {
            log.debug("ignored {} from {} for session {}, which is not live here", signal.signalType(), from,
                    signal.header().sessionId());
            return;
        }
        session.signalReceived(from, signal);
    }

    private void callReceived(long from, Signal.Call call) {
        Signal.Header header = call.header();
        String id = header.sessionId();
        CallSession existing = sessions.get(id);
        if (existing != null) {
            existing.signalReceived(from, call);
            return;
        }
        if (closedSessionIds.contains(id)) {
            log.debug("ignored repeated call for session {}, which already closed here", id);
            return;
        }
        if (!header.opponentIds().contains(userId) || !header.isParticipant(from)) {
            strays.warn("ignored call for session {} from {}: initiator is {}, opponents {}", id, from,
                    header.initiatorId(), header.opponentIds());
            return;
        }
        if (from != header.initiatorId()) {
            // another callee of a group was quicker than the initiator's own call: keep it for then
            earlyMeshCalls.computeIfAbsent(id, k -> new ArrayList<>()).add(Map.entry(from, call));
            return;
        }
        if (header.opponentIds().size() > MAX_OPPONENTS || new HashSet<>(header.opponentIds()).size()
                != header.opponentIds().size()) {
            strays.warn("ignored call for session {} from {}: {} opponents, at most {} distinct are allowed", id, from,
                    header.opponentIds().size(), MAX_OPPONENTS);
            return;
        }
        if (!SdpText.looksLikeSdp(call.sdp())) {
            strays.warn("ignored call for session {} from {}: its SDP is not a session description", id, from);
            return;
        }
        Signal.Header ours = new Signal.Header(id, header.conferenceType(), header.initiatorId(),
                header.opponentIds(), PLATFORM);
        long ringing = sessions.values().stream().filter(s -> s.isIncoming() && s.state() == SessionState.PENDING).count();
        if (!sessions.isEmpty() && (config.rejectWhenBusy() || ringing + 1 > config.incomingLimit())) {
            log.info("busy: rejected call {} from {} ({} live sessions, {} ringing)", id, from, sessions.size(), ringing);
            earlyMeshCalls.remove(id);
            closedSessionIds.add(id);
            try {
                channel.send(from, new Signal.Reject(ours, Map.of()));
            } catch (CallException e) {
                strays.warn("busy reject of session {} to {} was not sent: {}", id, from, e.getMessage());
            }
            return;
        }
        CallSession session = new CallSession(this, rtc, ours, true);
        sessions.put(id, session);
        session.offered(call);
        dispatcher.fire(l -> l.sessionReceived(session, call.userInfo()));
        List<Map.Entry<Long, Signal.Call>> early = earlyMeshCalls.remove(id);
        if (early != null) {
            early.forEach(e -> session.signalReceived(e.getKey(), e.getValue()));
        }
    }

    private List<Long> validateOpponents(List<Long> opponentIds) {
        Objects.requireNonNull(opponentIds, "opponentIds");
        if (opponentIds.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one opponent");
        }
        if (opponentIds.size() > MAX_OPPONENTS) {
            throw new IllegalArgumentException(opponentIds.size() + " opponents " + opponentIds
                    + " is too many: a mesh call has at most " + (MAX_OPPONENTS + 1) + " participants, so at most "
                    + MAX_OPPONENTS + " opponents");
        }
        if (new HashSet<>(opponentIds).size() != opponentIds.size()) {
            throw new IllegalArgumentException("opponents " + opponentIds + " name a user twice");
        }
        for (Long id : opponentIds) {
            if (id == null || id <= 0) {
                throw new IllegalArgumentException("opponent id " + id + " is not a positive user id");
            }
            if (id == userId) {
                throw new IllegalArgumentException("user " + userId + " cannot call itself");
            }
        }
        return List.copyOf(opponentIds);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the CallClient of user " + userId + " is closed");
        }
    }

    @Override
    public String toString() {
        return "CallClient[user " + userId + ", " + sessions.size() + " live sessions]";
    }
}
