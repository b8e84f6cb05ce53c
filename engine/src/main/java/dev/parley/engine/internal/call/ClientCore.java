package dev.parley.engine.internal.call;

import dev.parley.engine.CallClock;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallException;
import dev.parley.engine.SessionState;
import dev.parley.engine.Subscription;
import dev.parley.engine.internal.LogThrottle;
import dev.parley.engine.signaling.Signal;
import dev.parley.engine.signaling.SignalingChannel;
import dev.parley.engine.signaling.SignalingState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The logic of one client behind the API's {@code CallClient}: the live sessions,
 * the routing of received signals to them, the admission of incoming calls
 * ({@link Admission}), and the services a session needs ({@link SessionCore.Context}).
 *
 * <p>Threading: signals, timers and session work run on the engine thread; {@link #sessions()}
 * may be read from any thread.
 *
 * @param <S> the API's session type, made by {@link Sessions}
 */
public final class ClientCore<S> implements SessionCore.Context {

    /** How the API side makes a session around a core, and finds the core of a session. */
    public interface Sessions<S> {
        /** A new incoming session for {@code header}, with its core, media and events. */
        S incoming(Signal.Header header);

        SessionCore coreOf(S session);
    }

    private static final Logger log = LoggerFactory.getLogger(ClientCore.class);

    private final long userId;
    private final CallConfig config;
    private final CallClock clock;
    private final EngineThread engine;
    private final SignalingChannel channel;
    private final Sessions<S> factory;
    private final Admission admission;
    private final Map<String, S> sessions = new ConcurrentHashMap<>();
    /** Warnings about signals others send that are ignored, at a bounded rate. */
    private final LogThrottle strays = new LogThrottle(log, Duration.ofMinutes(1), 20);

    public ClientCore(SignalingChannel channel, CallConfig config, CallClock clock, EngineThread engine,
            Sessions<S> factory) {
        this.userId = channel.localUserId();
        this.config = config;
        this.clock = clock;
        this.engine = engine;
        this.channel = channel;
        this.factory = factory;
        this.admission = new Admission(userId, config);
    }

    /** Sessions that have not closed yet. Thread safe. */
    public List<S> sessions() {
        return List.copyOf(sessions.values());
    }

    /** Registers an outgoing session. */
    public void add(S session) {
        sessions.put(factory.coreOf(session).id(), session);
    }

    /** Routes a received signal: calls through {@link Admission}, the rest to their live session. */
    public void signalReceived(long from, Signal signal) {
        if (signal instanceof Signal.Call call) {
            callReceived(from, call);
            return;
        }
        S session = sessions.get(signal.header().sessionId());
        if (session == null) {
            log.debug("ignored {} from {} for session {}, which is not live here", signal.signalType(), from,
                    signal.header().sessionId());
            return;
        }
        factory.coreOf(session).signalReceived(from, signal);
    }

    /** Signaling came back after an outage: links waiting to restart ICE go ahead. */
    public void signalingRestored() {
        sessions.values().forEach(s -> factory.coreOf(s).signalingRestored());
    }

    /** Hangs up every live session; for closing the client. */
    public void hangUpAll() {
        for (S session : List.copyOf(sessions.values())) {
            factory.coreOf(session).hangUp(Map.of());
        }
    }

    private void callReceived(long from, Signal.Call call) {
        Signal.Header header = call.header();
        String id = header.sessionId();
        S existing = sessions.get(id);
        long ringing = sessions.values().stream().map(factory::coreOf)
                .filter(s -> s.isIncoming() && s.state() == SessionState.PENDING).count();
        switch (admission.decide(from, call, existing != null, sessions.size(), (int) ringing)) {
            case TO_SESSION -> factory.coreOf(existing).signalReceived(from, call);
            case LATE -> log.debug("ignored a call for session {}, which already ended here", id);
            case NOT_FOR_US -> strays.warn("ignored call for session {} from {}: initiator is {}, opponents {}", id, from,
                    header.initiatorId(), header.opponentIds());
            case MALFORMED -> strays.warn("ignored call for session {} from {}: {} opponents (at most {} distinct) or an"
                    + " SDP that is not a session description", id, from, header.opponentIds().size(),
                    Admission.MAX_OPPONENTS);
            case HELD -> log.debug("session {}: a call from {} came before the initiator's; kept", id, from);
            case BUSY -> {
                log.info("busy: rejected call {} from {} ({} live sessions, {} ringing)", id, from, sessions.size(),
                        ringing);
                Signal.Header ours = new Signal.Header(id, header.conferenceType(), header.initiatorId(),
                        header.opponentIds(), PeerLink.PARLEY_PLATFORM);
                send(from, new Signal.Reject(ours, Map.of()));
            }
            case NEW_SESSION -> {
                Signal.Header ours = new Signal.Header(id, header.conferenceType(), header.initiatorId(),
                        header.opponentIds(), PeerLink.PARLEY_PLATFORM);
                S session = factory.incoming(ours);
                SessionCore core = factory.coreOf(session);
                sessions.put(id, session);
                core.offered(call);
                core.events().received(call.userInfo());
                admission.takeHeld(id).forEach(held -> core.signalReceived(held.getKey(), held.getValue()));
            }
            default -> throw new IllegalStateException("unhandled verdict");
        }
    }

    // ---- SessionCore.Context ---------------------------------------------------------

    @Override
    public long localUserId() {
        return userId;
    }

    @Override
    public CallConfig config() {
        return config;
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        return clock.schedule(delay, () -> engine.execute(task));
    }

    @Override
    public boolean send(long toUserId, Signal signal) {
        try {
            channel.send(toUserId, signal);
            return true;
        } catch (CallException e) {
            strays.warn("session {}: {} to user {} was not sent: {}", signal.header().sessionId(), signal.signalType(),
                    toUserId, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean signalingUp() {
        return channel.state() == SignalingState.CONNECTED;
    }

    @Override
    public LogThrottle strays() {
        return strays;
    }

    @Override
    public void sessionClosed(SessionCore session) {
        sessions.remove(session.id());
        admission.closed(session.id());
    }
}
