package dev.parley.engine.internal.call;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallConfig;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.SessionState;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.internal.LogThrottle;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The logic of one session behind the API's {@code CallSession}: its links (one per
 * other participant), the signals it routes to them, the mesh of a group call, its state, and
 * its stats timer. It talks to the media through {@link SessionMedia}, to the listeners through
 * {@link SessionEvents}, and to the rest of the client through its {@link Context}; it holds
 * nothing native itself.
 *
 * <p>Threading: engine thread only, except the state reads marked as thread safe.
 */
public final class SessionCore implements PeerLink.Host {

    /** What a session needs from its client. */
    public interface Context {
        long localUserId();

        CallConfig config();

        /** Monotonic time of the client's clock, in nanoseconds. */
        long nanoTime();

        /** Runs {@code task} on the engine thread after {@code delay} of the client's clock. */
        Subscription schedule(Duration delay, Runnable task);

        /** Sends a signal; false (and a log line) when it could not be sent. */
        boolean send(long toUserId, Signal signal);

        boolean signalingUp();

        /** Warnings about signals others send, at a bounded rate. */
        LogThrottle strays();

        /** The session closed: the client forgets it. */
        void sessionClosed(SessionCore session);
    }

    private static final Logger log = LoggerFactory.getLogger(SessionCore.class);
    private static final Duration SPEAKER_TICK = Duration.ofMillis(100);

    private final Context context;
    private final Signal.Header header;
    private final boolean incoming;
    private final SessionEvents events;
    private final SessionMedia media;
    private final Map<Long, PeerLink> links = new LinkedHashMap<>();
    private final Map<Long, ConnectionState> connectionStates = new ConcurrentHashMap<>();
    private volatile SessionState state;
    private Subscription statsTimer;
    private Subscription speakerTimer;
    private final ActiveSpeaker speakers = new ActiveSpeaker();
    private volatile Long activeSpeaker;
    private final MeshJoin mesh;

    public SessionCore(Context context, Signal.Header header, boolean incoming, SessionEvents events,
            SessionMedia media) {
        this.context = context;
        this.header = header;
        this.incoming = incoming;
        this.events = events;
        this.media = media;
        this.mesh = new MeshJoin(this, context.nanoTime());
        this.state = incoming ? SessionState.PENDING : SessionState.NEW;
    }

    public String id() {
        return header.sessionId();
    }

    public boolean isIncoming() {
        return incoming;
    }

    /** Thread safe. */
    public SessionState state() {
        return state;
    }

    /** Thread safe. */
    public ConnectionState connectionState(long userId) {
        ConnectionState known = connectionStates.get(userId);
        if (known != null) {
            return known;
        }
        return userId != localUserId() && header.isParticipant(userId) ? ConnectionState.NEW : ConnectionState.UNKNOWN;
    }

    public Optional<VideoTrack> remoteVideoTrack(long userId) {
        return Optional.ofNullable(links.get(userId)).map(PeerLink::remoteVideo);
    }

    /** Who speaks, or spoke last, in this call. Thread safe. */
    public OptionalLong activeSpeaker() {
        Long speaker = activeSpeaker;
        return speaker == null ? OptionalLong.empty() : OptionalLong.of(speaker);
    }

    public Optional<AudioTrack> remoteAudioTrack(long userId) {
        return Optional.ofNullable(links.get(userId)).map(PeerLink::remoteAudio);
    }

    // ---- the local user's actions ---------------------------------------------------------

    /** Calls every opponent; {@code userInfo} is already checked. */
    public void startCall(Map<String, String> userInfo) {
        if (incoming) {
            throw new IllegalStateException("session " + id() + " was received from " + header.initiatorId()
                    + ": accept or reject it instead of starting it");
        }
        if (state != SessionState.NEW) {
            throw new IllegalStateException("session " + id() + " was already started (state " + state + ")");
        }
        changeState(SessionState.PENDING);
        for (long opponent : header.opponentIds()) {
            PeerLink link = new PeerLink(this, opponent, true);
            links.put(opponent, link);
            link.call(userInfo, config().answerTimeInterval());
        }
        startStats();
    }

    public void acceptCall(Map<String, String> userInfo) {
        PeerLink caller = requireRinging("accept");
        caller.accept(userInfo);
        mesh.accepted(caller);
        startStats();
    }

    public void rejectCall(Map<String, String> userInfo) {
        if (state == SessionState.CLOSED) {
            return;
        }
        requireRinging("reject");
        // everyone hears it, as from the QuickBlox SDKs: the other callees stop waiting for us
        for (long other : otherParticipants()) {
            send(other, new Signal.Reject(header, userInfo));
        }
        for (PeerLink link : List.copyOf(links.values())) {
            link.close(ConnectionState.CLOSED);
        }
    }

    /** Leaves the call: every other participant still in it gets a hang-up. Does nothing once closed. */
    public void hangUp(Map<String, String> userInfo) {
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

    // ---- signals, from the client -----------------------------------------------------------

    /** The initiator's call of an incoming session: its offer is kept until the local user answers. */
    public void offered(Signal.Call call) {
        PeerLink link = new PeerLink(this, header.initiatorId(), false);
        links.put(header.initiatorId(), link);
        link.offered(call);
    }

    public void signalReceived(long from, Signal signal) {
        if (from == localUserId() || !header.isParticipant(from)) {
            context.strays().warn("session {}: ignored {} from user {}, who is not a participant", id(),
                    signal.signalType(), from);
            return;
        }
        if (signal instanceof Signal.Call call) {
            mesh.callReceived(from, call);
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

    /** Signaling came back after an outage: links waiting to restart ICE go ahead. */
    public void signalingRestored() {
        links.values().forEach(PeerLink::signalingRestored);
    }

    /** A reject or hang-up from a participant we have no connection to (yet): they are out. */
    private void withoutLink(long from, Signal signal) {
        if (connectionState(from).isTerminal()) {
            return;
        }
        if (signal instanceof Signal.Reject reject) {
            markWithoutLink(from, ConnectionState.REJECTED);
            events.rejectedByUser(from, reject.userInfo());
        } else if (signal instanceof Signal.HangUp hangUp) {
            markWithoutLink(from, ConnectionState.HANG_UP);
            events.hungUpByUser(from, hangUp.userInfo());
        } else {
            log.debug("session {}: ignored {} from user {}: no connection to that user", id(), signal.signalType(), from);
        }
    }

    // ---- for the mesh ----------------------------------------------------------------

    Map<Long, PeerLink> links() {
        return links;
    }

    Context context() {
        return context;
    }

    /** The state of a participant this client has no connection to, as the others report it. */
    void markWithoutLink(long userId, ConnectionState next) {
        connectionStates.put(userId, next);
        events.connectionStateChanged(userId, next);
    }

    private List<Long> otherParticipants() {
        List<Long> all = new ArrayList<>();
        all.add(header.initiatorId());
        all.addAll(header.opponentIds());
        all.remove(Long.valueOf(localUserId()));
        return all;
    }

    // ---- PeerLink.Host ----------------------------------------------------------------

    @Override
    public Signal.Header header() {
        return header;
    }

    @Override
    public long localUserId() {
        return context.localUserId();
    }

    @Override
    public CallConfig config() {
        return context.config();
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        return context.schedule(delay, task);
    }

    @Override
    public boolean send(long toUserId, Signal signal) {
        return context.send(toUserId, signal);
    }

    @Override
    public boolean signalingUp() {
        return context.signalingUp();
    }

    @Override
    public PeerConnectionPort connect(long userId, PeerConnectionPort.Events linkEvents) {
        return media.connect(userId, linkEvents);
    }

    @Override
    public SessionEvents events() {
        return events;
    }

    @Override
    public void recordState(long userId, ConnectionState connectionState) {
        connectionStates.put(userId, connectionState);
    }

    /** Moves the session forward as its connections progress; it never moves back. */
    @Override
    public void linkProgressed() {
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

    @Override
    public void linkClosed(PeerLink link) {
        if (links.values().stream().allMatch(l -> l.state().isTerminal())) {
            closeSession();
        }
    }

    // ---- internals -----------------------------------------------------------------------

    private void closeSession() {
        if (state == SessionState.CLOSED) {
            return;
        }
        cancel(statsTimer);
        cancel(speakerTimer);
        mesh.close();
        media.close();
        changeState(SessionState.CLOSED);
        events.sessionClosed();
        context.sessionClosed(this);
    }

    private void changeState(SessionState next) {
        state = next;
        events.sessionStateChanged(next);
    }

    private PeerLink requireRinging(String action) {
        if (!incoming) {
            throw new IllegalStateException("session " + id() + " is outgoing: only the callee can " + action + " it");
        }
        PeerLink caller = links.get(header.initiatorId());
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
        if (speakerTimer == null) {
            speakerTimer = schedule(SPEAKER_TICK, this::speakerTick);
        }
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

    /** Ten times a second: who is speaking, from everyone's level. */
    private void speakerTick() {
        if (state == SessionState.CLOSED) {
            return;
        }
        Map<Long, Double> levels = new HashMap<>();
        levels.put(localUserId(), media.localAudioLevel());
        links.forEach((userId, link) -> {
            if (link.remoteAudio() != null && !link.state().isTerminal()) {
                levels.put(userId, link.remoteAudio().level());
            }
        });
        speakers.update(levels, context.nanoTime()).ifPresent(speaker -> {
            activeSpeaker = speaker;
            events.activeSpeakerChanged(speaker);
        });
        speakerTimer = schedule(SPEAKER_TICK, this::speakerTick);
    }

    private static void cancel(Subscription timer) {
        if (timer != null) {
            timer.close();
        }
    }

    @Override
    public String toString() {
        return "SessionCore[" + id() + ", " + state + "]";
    }
}
