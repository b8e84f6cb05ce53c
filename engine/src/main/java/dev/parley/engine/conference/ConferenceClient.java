package dev.parley.engine.conference;

import dev.parley.engine.ConferenceType;
import dev.parley.engine.conference.internal.JanusConnection;
import dev.parley.engine.internal.rtc.RtcEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One user's connection to a Janus server for conferences, as QuickBlox's
 * {@code QBRTCConferenceClient}: a Janus session kept alive over one WebSocket, and a WebRTC
 * engine of its own for the rooms it enters.
 *
 * <pre>{@code
 * try (ConferenceClient client = ConferenceClient.create(ConferenceSettings.of(URI.create("ws://127.0.0.1:8188"), 111))) {
 *     ConferenceSession room = client.createSession("1234", ConferenceType.VIDEO);
 *     room.addListener(new ConferenceListener() {
 *         public void participantJoined(ConferenceSession s, long userId) { s.subscribeToParticipant(userId); }
 *     });
 *     room.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
 *     room.joinAsPublisher();
 * }
 * }</pre>
 *
 * <p>Threading: thread safe. The requests to Janus block until it answers (at most the
 * request timeout): call them off the EDT.
 */
public final class ConferenceClient implements AutoCloseable {

    /** How often the Janus session is kept alive (Janus forgets it after 60 s by default). */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private final ConferenceSettings settings;
    private final JanusConnection janus;
    private final long janusSession;
    private final RtcEngine rtc;
    private final Set<ConferenceSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConferenceClient(ConferenceSettings settings, JanusConnection janus, long janusSession) {
        this.settings = settings;
        this.janus = janus;
        this.janusSession = janusSession;
        this.rtc = new RtcEngine("parley-conference-" + settings.userId(), settings.config().audioDeviceMode());
    }

    /**
     * Connects to the Janus server and opens a session.
     *
     * @throws JanusException if the server cannot be reached or refuses the session
     */
    public static ConferenceClient create(ConferenceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        JanusConnection janus = JanusConnection.open(settings.url(), settings.requestTimeout());
        try {
            return new ConferenceClient(settings, janus, janus.createSession(KEEP_ALIVE));
        } catch (RuntimeException e) {
            janus.close();
            throw e;
        }
    }

    /** The local user. */
    public long userId() {
        return settings.userId();
    }

    /**
     * A session for the video room {@code roomId} (Janus room ids are numbers), with local media of
     * {@code type}; nothing is sent until {@link ConferenceSession#joinAsPublisher()}.
     *
     * @throws IllegalArgumentException if {@code roomId} is not a number
     * @throws IllegalStateException if the client is closed
     */
    public ConferenceSession createSession(String roomId, ConferenceType type) {
        Objects.requireNonNull(type, "type");
        long room;
        try {
            room = Long.parseLong(Objects.requireNonNull(roomId, "roomId"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("room id \"" + roomId + "\" is not a Janus room number", e);
        }
        if (closed.get()) {
            throw new IllegalStateException("the conference client of user " + userId() + " is closed");
        }
        ConferenceSession session = new ConferenceSession(this, room, type);
        sessions.add(session);
        return session;
    }

    ConferenceSettings settings() {
        return settings;
    }

    JanusConnection janus() {
        return janus;
    }

    long janusSession() {
        return janusSession;
    }

    RtcEngine rtc() {
        return rtc;
    }

    void forget(ConferenceSession session) {
        sessions.remove(session);
    }

    /** Leaves every room, ends the Janus session and releases the engine. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        sessions.forEach(ConferenceSession::leave);
        try {
            janus.destroySession(janusSession);
        } catch (JanusException e) {
            // the server went first
        }
        janus.close();
        rtc.close();
    }
}
