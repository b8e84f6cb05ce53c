package dev.parley.engine;

import dev.parley.engine.internal.SdpText;
import dev.parley.engine.internal.XmlNames;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call, outgoing or incoming, 1:1 or with up to three opponents, as QuickBlox's
 * {@code QBRTCSession}. Create an outgoing one with {@link CallClient#createSession} and
 * {@link #startCall}; an incoming one arrives in {@link CallListener#sessionReceived} and is
 * answered with {@link #acceptCall} or {@link #rejectCall}. {@link #hangUp} ends it.
 *
 * <p>Lifecycle: {@link SessionState#NEW} → {@code PENDING} → {@code CONNECTING} →
 * {@code CONNECTED} → {@code CLOSED}. The session closes when every connection in it has
 * ended, and then releases its local media; it is never reused.
 *
 * <p>Threading: all methods are thread safe and may be called from listener callbacks. State
 * reads return the latest state the engine has reached; the corresponding events follow on
 * the callback executor.
 */
public final class CallSession {

    private static final Logger log = LoggerFactory.getLogger(CallSession.class);

    private final CallClient client;
    private final RtcEngine rtc;
    private final Signal.Header header;
    private final long localUserId;
    private final boolean incoming;
    private final LocalMediaStream localMedia;
    private final Map<Long, PeerLink> links = new LinkedHashMap<>();
    private final Map<Long, ConnectionState> connectionStates = new ConcurrentHashMap<>();
    private volatile SessionState state;
    private Subscription statsTimer;
    /** The local user answered this incoming session (a group callee then joins the mesh). */
    private boolean accepted;
    /** When this session was created here, on the client's clock: ringing time counts from it. */
    private final long createdNanos;
    /** Waits for the offers of the higher-id callees of a group; see {@link #joinMesh}. */
    private Subscription meshWait;

    CallSession(CallClient client, RtcEngine rtc, Signal.Header header, boolean incoming) {
        assert rtc.isEngineThread();
        this.client = client;
        this.createdNanos = client.clock().nanoTime();
        this.rtc = rtc;
        this.header = header;
        this.localUserId = client.userId();
        this.incoming = incoming;
        this.state = incoming ? SessionState.PENDING : SessionState.NEW;
        this.localMedia = new LocalMediaStream(rtc, localUserId, header.sessionId(), header.conferenceType());
    }

    /** The session id, shared by every participant (a UUID for sessions Parley starts). */
    public String id() {
        return header.sessionId();
    }

    /** The user who started the call. */
    public long initiatorId() {
        return header.initiatorId();
    }

    /** Everyone the initiator called (not the initiator). */
    public List<Long> opponentIds() {
        return header.opponentIds();
    }

    /** Video or audio only. */
    public ConferenceType conferenceType() {
        return header.conferenceType();
    }

    /** The local user of this session. */
    public long localUserId() {
        return localUserId;
    }

    /** Whether this session was started by someone else and received here. */
    public boolean isIncoming() {
        return incoming;
    }

    /** The session's current state. */
    public SessionState state() {
        return state;
    }

    /**
     * The state of the connection to {@code userId}: {@link ConnectionState#UNKNOWN} for a
     * user who is not in the session, {@link ConnectionState#NEW} before anything happened.
     */
    public ConnectionState connectionState(long userId) {
        ConnectionState known = connectionStates.get(userId);
        if (known != null) {
            return known;
        }
        return userId != localUserId && header.isParticipant(userId) ? ConnectionState.NEW : ConnectionState.UNKNOWN;
    }

    /** The video {@code userId} sends, once it has arrived. */
    public Optional<VideoTrack> remoteVideoTrack(long userId) {
        return rtc.call(() -> Optional.ofNullable(links.get(userId)).map(PeerLink::remoteVideo));
    }

    /** The audio {@code userId} sends, once it has arrived. */
    public Optional<AudioTrack> remoteAudioTrack(long userId) {
        return rtc.call(() -> Optional.ofNullable(links.get(userId)).map(PeerLink::remoteAudio));
    }

    /** What the local user sends: microphone and camera. */
    public LocalMediaStream localMediaStream() {
        return localMedia;
    }

    /**
     * Calls every opponent. Each gets {@code call} signals every dialing time interval until it
     * answers; one that does not answer within the answer time interval is reported through
     * {@link CallListener#userDidNotRespond}.
     *
     * @param userInfo custom data the opponents receive with the call; may be empty, not null
     * @throws IllegalStateException if this session is incoming or already started
     */
    public void startCall(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            if (incoming) {
                throw new IllegalStateException("session " + id() + " was received from " + initiatorId()
                        + ": accept or reject it instead of starting it");
            }
            if (state != SessionState.NEW) {
                throw new IllegalStateException("session " + id() + " was already started (state " + state + ")");
            }
            changeState(SessionState.PENDING);
            for (long opponent : opponentIds()) {
                PeerLink link = new PeerLink(this, rtc, opponent, true);
                links.put(opponent, link);
                link.call(info);
            }
            startStats();
            return null;
        });
    }

    /**
     * Answers an incoming call: the caller gets {@link CallListener#acceptedByUser} with
     * {@code userInfo} and the connection is set up.
     *
     * @throws IllegalStateException if this session is outgoing, already answered, or closed
     *     (for example because the caller hung up meanwhile)
     */
    public void acceptCall(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            PeerLink caller = requireRinging("accept");
            accepted = true;
            caller.accept(info);
            // offers other callees of a group already sent us are answered now, without userInfo
            for (PeerLink link : List.copyOf(links.values())) {
                if (link != caller && link.state() == ConnectionState.PENDING && !link.isOfferer()) {
                    link.accept(Map.of());
                }
            }
            joinMesh();
            startStats();
            return null;
        });
    }

    /**
     * Declines an incoming call: the caller gets {@link CallListener#rejectedByUser} and this
     * session closes. Does nothing if the session already closed.
     *
     * @throws IllegalStateException if this session is outgoing or already accepted
     */
    public void rejectCall(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            if (state == SessionState.CLOSED) {
                return null;
            }
            requireRinging("reject");
            // everyone hears it, as from the QuickBlox SDKs: the other callees stop waiting for us
            for (long other : otherParticipants()) {
                send(other, new Signal.Reject(header, info));
            }
            for (PeerLink link : List.copyOf(links.values())) {
                link.close(ConnectionState.CLOSED);
            }
            return null;
        });
    }

    /**
     * Leaves the call: every other participant gets {@link CallListener#hungUpByUser} and this
     * session closes. Does nothing if it already closed.
     *
     * @param userInfo custom data the others receive; may be empty, not null
     */
    public void hangUp(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            hangUpNow(info);
            return null;
        });
    }

    void hangUpNow(Map<String, String> userInfo) {
        if (state == SessionState.CLOSED) {
            return;
        }
        for (long other : otherParticipants()) {
            PeerLink link = links.get(other);
            boolean gone = link != null ? link.state().isTerminal() : connectionState(other).isTerminal();
            if (!gone) {
                send(other, new Signal.HangUp(header, userInfo));
            }
        }
        for (PeerLink link : List.copyOf(links.values())) {
            link.close(ConnectionState.CLOSED);
        }
        if (links.isEmpty()) {
            closeSession();
        }
    }

    /**
     * A group callee that accepted calls every other callee with a lower id ("the higher id
     * calls the lower"), ringing for what is left of the session's answer time, and waits as long
     * for the offers of the higher ids.
     */
    private void joinMesh() {
        Duration left = remainingRingTime();
        for (long other : opponentIds()) {
            if (other != localUserId && other < localUserId && !links.containsKey(other)
                    && !connectionState(other).isTerminal()) {
                PeerLink link = new PeerLink(this, rtc, other, true);
                links.put(other, link);
                link.call(Map.of(), left);
            }
        }
        if (opponentIds().stream().anyMatch(other -> other > localUserId)) {
            meshWait = schedule(left, this::meshWaitExpired);
        }
    }

    /** What is left of the answer time since this session started ringing here; at least one dialing period. */
    private Duration remainingRingTime() {
        Duration elapsed = Duration.ofNanos(client.clock().nanoTime() - createdNanos);
        Duration left = config().answerTimeInterval().minus(elapsed);
        return left.compareTo(config().dialingTimeInterval()) < 0 ? config().dialingTimeInterval() : left;
    }

    private void meshWaitExpired() {
        meshWait = null;
        if (state == SessionState.CLOSED) {
            return;
        }
        for (long other : opponentIds()) {
            if (other > localUserId && !links.containsKey(other) && !connectionState(other).isTerminal()) {
                log.info("session {}: user {} never joined the mesh", id(), other);
                markWithoutLink(other, ConnectionState.NO_ANSWER);
                fire(l -> l.userDidNotRespond(this, other));
            }
        }
    }

    /** The state of a participant this client has no connection to, as the others report it. */
    private void markWithoutLink(long userId, ConnectionState next) {
        publishState(userId, next);
        fire(l -> l.connectionStateChanged(this, userId, next));
    }

    private List<Long> otherParticipants() {
        List<Long> all = new ArrayList<>();
        all.add(initiatorId());
        all.addAll(opponentIds());
        all.remove(Long.valueOf(localUserId));
        return all;
    }

    // ---- called by the client on the engine thread ------------------------------------

    void offered(Signal.Call call) {
        PeerLink link = new PeerLink(this, rtc, header.initiatorId(), false);
        links.put(header.initiatorId(), link);
        link.offered(call);
    }

    void signalReceived(long from, Signal signal) {
        if (from == localUserId || !header.isParticipant(from)) {
            client.strays().warn("session {}: ignored {} from user {}, who is not a participant", id(), signal.signalType(), from);
            return;
        }
        if (signal instanceof Signal.Call call) {
            meshCallReceived(from, call);
            return;
        }
        PeerLink link = links.get(from);
        if (link == null) {
            withoutLink(from, signal);
            return;
        }
        if (signal instanceof Signal.Accept accept) {
            link.accepted(accept);
        } else if (signal instanceof Signal.Reject reject) {
            link.rejected(reject.userInfo());
        } else if (signal instanceof Signal.HangUp hangUp) {
            link.hungUp(hangUp.userInfo());
        } else if (signal instanceof Signal.IceCandidates candidates) {
            link.remoteCandidates(candidates.candidates());
        } else if (signal instanceof Signal.Update update) {
            link.updateReceived(update);
        }
    }

    /** Another callee of a group calls us: answered at once if we accepted, else when we do. */
    private void meshCallReceived(long from, Signal.Call call) {
        if (links.containsKey(from)) {
            return; // a repeated ring
        }
        if (!incoming || from == initiatorId() || state == SessionState.CLOSED || connectionState(from).isTerminal()) {
            log.debug("session {}: ignored call from {}", id(), from);
            return;
        }
        if (!SdpText.looksLikeSdp(call.sdp())) {
            client.strays().warn("session {}: ignored call from {}: its SDP is not a session description", id(), from);
            return;
        }
        PeerLink link = new PeerLink(this, rtc, from, false);
        links.put(from, link);
        link.offered(call);
        if (accepted) {
            link.accept(Map.of());
        }
    }

    /** A reject or hang-up from a participant we have no connection to (yet): they are out. */
    private void withoutLink(long from, Signal signal) {
        if (connectionState(from).isTerminal()) {
            return;
        }
        if (signal instanceof Signal.Reject reject) {
            markWithoutLink(from, ConnectionState.REJECTED);
            fire(l -> l.rejectedByUser(this, from, reject.userInfo()));
        } else if (signal instanceof Signal.HangUp hangUp) {
            markWithoutLink(from, ConnectionState.HANG_UP);
            fire(l -> l.hungUpByUser(this, from, hangUp.userInfo()));
        } else {
            log.debug("session {}: ignored {} from user {}: no connection to that user", id(), signal.signalType(), from);
        }
    }

    // ---- called by the links on the engine thread -------------------------------------

    CallConfig config() {
        return client.config();
    }

    Signal.Header header() {
        return header;
    }

    LocalMediaStream localMedia() {
        return localMedia;
    }

    void fire(Consumer<CallListener> event) {
        client.dispatcher().fire(event);
    }

    Subscription schedule(Duration delay, Runnable task) {
        return client.clock().schedule(delay, () -> rtc.execute(task));
    }

    boolean send(long to, Signal signal) {
        try {
            client.channel().send(to, signal);
            return true;
        } catch (CallException e) {
            log.warn("session {}: {} to user {} was not sent: {}", id(), signal.signalType(), to, e.getMessage());
            return false;
        }
    }

    /** Whether signals can be sent now: a link waits with its ICE restart until they can. */
    boolean signalingUp() {
        return client.channel().state() == dev.parley.engine.signaling.SignalingState.CONNECTED;
    }

    /** Signaling came back after an outage: links waiting to restart ICE go ahead. */
    void signalingRestored() {
        links.values().forEach(PeerLink::signalingRestored);
    }

    void publishState(long userId, ConnectionState connectionState) {
        connectionStates.put(userId, connectionState);
    }

    /** Moves the session forward as its connections progress; it never moves back. */
    void linkStateChanged() {
        boolean connected = false;
        boolean connecting = false;
        for (PeerLink link : links.values()) {
            switch (link.state()) {
                case CONNECTED, DISCONNECTED -> connected = true;
                case CONNECTING, CHECKING -> connecting = true;
                default -> { }
            }
        }
        if (connected && state.ordinal() < SessionState.CONNECTED.ordinal()) {
            changeState(SessionState.CONNECTED);
        } else if (connecting && state.ordinal() < SessionState.CONNECTING.ordinal()) {
            changeState(SessionState.CONNECTING);
        }
    }

    void linkClosed(PeerLink link) {
        if (links.values().stream().allMatch(l -> l.state().isTerminal())) {
            closeSession();
        }
    }

    private void closeSession() {
        if (state == SessionState.CLOSED) {
            return;
        }
        if (statsTimer != null) {
            statsTimer.close();
        }
        if (meshWait != null) {
            meshWait.close();
        }
        localMedia.close();
        changeState(SessionState.CLOSED);
        fire(l -> l.sessionClosed(this));
        client.sessionClosed(this);
    }

    private void changeState(SessionState next) {
        state = next;
        fire(l -> l.sessionStateChanged(this, next));
    }

    private PeerLink requireRinging(String action) {
        if (!incoming) {
            throw new IllegalStateException("session " + id() + " is outgoing: only the callee can " + action + " it");
        }
        PeerLink caller = links.get(initiatorId());
        if (state == SessionState.CLOSED || caller.state().isTerminal()) {
            throw new IllegalStateException("cannot " + action + " session " + id() + ": it is closed ("
                    + caller.state() + ")");
        }
        if (caller.state() != ConnectionState.PENDING) {
            throw new IllegalStateException("cannot " + action + " session " + id() + ": it was already accepted");
        }
        return caller;
    }

    private void startStats() {
        Duration interval = config().statsReportInterval();
        if (interval.isZero() || statsTimer != null) {
            return;
        }
        statsTimer = schedule(interval, this::statsTick);
    }

    private void statsTick() {
        if (state == SessionState.CLOSED) {
            return;
        }
        links.values().forEach(PeerLink::collectStats);
        statsTimer = schedule(config().statsReportInterval(), this::statsTick);
    }

    private static Map<String, String> copy(Map<String, String> userInfo) {
        Objects.requireNonNull(userInfo, "userInfo (use Map.of() for none)");
        for (String key : userInfo.keySet()) {
            if (!XmlNames.isElementName(key)) {
                throw new IllegalArgumentException("userInfo key '" + key + "' cannot be signaled: keys travel as XML"
                        + " element names, so use letters, digits, '-', '_' and '.', starting with a letter or '_'");
            }
        }
        return Map.copyOf(userInfo);
    }

    @Override
    public String toString() {
        return "CallSession[" + id() + ", " + conferenceType() + ", initiator " + initiatorId() + ", opponents "
                + opponentIds() + ", " + state + "]";
    }
}
