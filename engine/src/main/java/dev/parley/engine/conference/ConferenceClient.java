package dev.parley.engine.conference;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.conference.internal.JanusConnection;
import dev.parley.engine.conference.internal.VideoRoom;
import dev.parley.engine.internal.rtc.RtcEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Reconnection: when the WebSocket to Janus drops (Janus restarted, the network went away,
 * a keep-alive got no answer), every session reports {@code RECONNECTING} for its own
 * connection and each subscription, and the client connects again (after 0.25 s, then backing
 * off to 2 s) until {@code disconnectTimeInterval} of the {@link dev.parley.engine.CallConfig} has passed; then
 * each session publishes again, subscribes again to those it received as they come back, and
 * reports {@code RECONNECTED}, or {@code FAILED} and leaves when the server did not return in
 * time. A single connection that loses its path while Janus stays up restarts ICE (see
 * {@link ConferenceSession}).
 *
 * <p>Threading: thread safe. The requests to Janus block until it answers (at most the
 * request timeout): call them off the EDT. Reconnection runs on a thread named
 * {@code parley-janus-lost}, which ends when the client is back or closed.
 */
public final class ConferenceClient implements AutoCloseable {

    /**
     * How often the Janus session is kept alive at most (as janus.js; Janus forgets a session
     * after 60 s by default); a third of the server's own session timeout when that is shorter.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private static final Logger log = LoggerFactory.getLogger(ConferenceClient.class);

    private final ConferenceSettings settings;
    private final RtcEngine rtc;
    private volatile Link link;
    private volatile Thread reconnecting;
    private final AtomicBoolean recovering = new AtomicBoolean();
    private final Set<ConferenceSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService ticks;

    /** One WebSocket to Janus and the session on it; replaced when the client reconnects. */
    private record Link(JanusConnection janus, long session, VideoRoom videoRoom) {
    }

    private ConferenceClient(ConferenceSettings settings, Link link) {
        this.settings = settings;
        this.link = link;
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
        AtomicReference<ConferenceClient> owner = new AtomicReference<>();
        Runnable lost = () -> {
            ConferenceClient client = owner.get();
            if (client != null) {
                client.connectionLost();
            }
        };
        Link link = connect(settings, lost);
        ConferenceClient client;
        try {
            client = new ConferenceClient(settings, link);
        } catch (RuntimeException | Error e) {
            link.janus().close();
            throw e;
        }
        owner.set(client);
        if (link.janus().isClosed()) {
            // lost before the client could hear of it
            Thread recovery = new Thread(client::connectionLost, "parley-janus-lost");
            recovery.setDaemon(true);
            recovery.start();
        }
        return client;
    }

    private static Link connect(ConferenceSettings settings, Runnable lost) {
        JanusConnection janus = JanusConnection.open(settings.url(), settings.requestTimeout(), settings.token(), lost);
        try {
            Duration every = janus.sessionTimeout().map(timeout -> timeout.dividedBy(3))
                    .filter(third -> third.compareTo(KEEP_ALIVE) < 0).orElse(KEEP_ALIVE);
            long session = janus.createSession(every);
            return new Link(janus, session, new VideoRoom(janus, session));
        } catch (RuntimeException e) {
            janus.close();
            throw e;
        }
    }

    /**
     * The WebSocket dropped (runs on its {@code parley-janus-lost} thread): sessions report
     * reconnecting, then the client connects again and they re-join, or give up after
     * {@code disconnectTimeInterval}.
     */
    private void connectionLost() {
        // one recovery at a time: a loss during a recovery is seen by it (the new link is closed)
        if (closed.get() || !recovering.compareAndSet(false, true)) {
            return;
        }
        reconnecting = Thread.currentThread();
        boolean connected = false;
        try {
            do {
                log.warn("conference: user {} lost the connection to {}; reconnecting", userId(), settings.url());
                sessions.forEach(ConferenceSession::connectionLost);
                connected = reconnect();
            } while (connected && link.janus().isClosed());
        } catch (InterruptedException e) {
            // the client closes
        } finally {
            reconnecting = null;
            recovering.set(false);
        }
        if (connected && !closed.get() && link.janus().isClosed()) {
            connectionLost(); // the new link went while this recovery was ending
        }
    }

    /**
     * Connects again, backing off, until {@code disconnectTimeInterval} has passed; then the
     * sessions re-join. Returns whether it connected (false: given up, or the client closed).
     */
    private boolean reconnect() throws InterruptedException {
        long deadline = System.nanoTime() + settings.config().disconnectTimeInterval().toNanos();
        long pause = 250;
        while (!closed.get()) {
            Thread.sleep(pause);
            try {
                Link next = connect(settings, this::connectionLost);
                link = next;
                if (closed.get()) {
                    next.janus().close();
                    return false;
                }
                log.info("conference: user {} is connected to {} again", userId(), settings.url());
                sessions.forEach(ConferenceSession::rejoin);
                return true;
            } catch (JanusException e) {
                if (System.nanoTime() - deadline > 0) {
                    log.warn("conference: user {} could not reconnect to {} in {} s: {}", userId(), settings.url(),
                            settings.config().disconnectTimeInterval().toSeconds(), e.getMessage());
                    sessions.forEach(ConferenceSession::reconnectFailed);
                    return false;
                }
                log.info("conference: reconnecting to {}: {}", settings.url(), e.getMessage());
            }
            pause = Math.min(pause * 2, 2000);
        }
        return false;
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

    /** The video room requests on the current connection. */
    VideoRoom videoRoom() {
        return link.videoRoom();
    }

    RtcEngine rtc() {
        return rtc;
    }

    /** Runs {@code tick} every {@code period} until cancelled or the client closes. */
    ScheduledFuture<?> every(Duration period, Runnable tick) {
        return ticks.scheduleAtFixedRate(tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once after {@code delay} on the client's own thread. */
    ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return ticks.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
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
        Thread reconnect = reconnecting;
        if (reconnect != null) {
            reconnect.interrupt();
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
        Link last = link;
        try {
            last.janus().destroySession(last.session());
        } catch (JanusException e) {
            // the server went first
        }
        last.janus().close();
        rtc.close();
    }
}
