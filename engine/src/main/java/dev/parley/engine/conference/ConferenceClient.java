package dev.parley.engine.conference;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.conference.internal.JanusConnection;
import dev.parley.engine.internal.rtc.RtcEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
    private final ScheduledExecutorService ticks;

    private ConferenceClient(ConferenceSettings settings, JanusConnection janus, long janusSession) {
        this.settings = settings;
        this.janus = janus;
        this.janusSession = janusSession;
        this.rtc = new RtcEngine("parley-conference-" + settings.userId(), settings.config().audioDeviceMode());
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-conference-ticks-" + settings.userId());
            t.setDaemon(true);
            return t;
        });
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
     * Sends this user's voice from {@code microphone} from now on, also in a room; null goes
     * back to the system default.
     *
     * @throws dev.parley.engine.MediaException if the device is not plugged in or there is no sound system
     */
    public void setMicrophone(AudioDevice microphone) {
        if (microphone != null && microphone.kind() != AudioDevice.Kind.MICROPHONE) {
            throw new IllegalArgumentException(microphone + " is not a microphone");
        }
        rtc.call(() -> {
            rtc.audio().useMicrophone(microphone);
            return null;
        });
    }

    /**
     * Plays the rooms on {@code speaker} from now on; null goes back to the system default.
     *
     * @throws dev.parley.engine.MediaException if the device is not plugged in or there is no sound system
     */
    public void setSpeaker(AudioDevice speaker) {
        if (speaker != null && speaker.kind() != AudioDevice.Kind.SPEAKER) {
            throw new IllegalArgumentException(speaker + " is not a speaker");
        }
        rtc.call(() -> {
            rtc.audio().useSpeaker(speaker);
            return null;
        });
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

    /** Runs {@code tick} every {@code period} until cancelled or the client closes. */
    ScheduledFuture<?> every(Duration period, Runnable tick) {
        return ticks.scheduleAtFixedRate(tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} soon on the client's own thread (never on Janus's delivery thread, which must not wait on Janus). */
    void later(Runnable task) {
        try {
            ticks.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // closing: the client's close waits for nothing else now
        }
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
        // the queued work (a subscription closing after its publisher left) still runs; ticks stop
        ticks.shutdown();
        try {
            if (!ticks.awaitTermination(5, TimeUnit.SECONDS)) {
                ticks.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ticks.shutdownNow();
        }
        try {
            janus.destroySession(janusSession);
        } catch (JanusException e) {
            // the server went first
        }
        janus.close();
        rtc.close();
    }
}
