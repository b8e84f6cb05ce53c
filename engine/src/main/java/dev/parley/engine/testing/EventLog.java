package dev.parley.engine.testing;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.SessionState;
import dev.parley.engine.StatsReport;
import dev.parley.engine.VideoTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A {@link CallListener} that records every callback of one client as a line of text
 * ({@code "acceptedByUser 222 {answer=hi}"}, {@code "connectionStateChanged 222 CONNECTED"}),
 * with the thread it arrived on, so that a test asserts exact event sequences.
 *
 * <p>A published testing fixture; {@link CallHarness} gives each of its clients one.
 *
 * <p>Threading: thread safe.
 */
public final class EventLog implements CallListener {

    private final List<String> events = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private final List<CallSession> received = new ArrayList<>();
    private final java.util.function.Consumer<String> echo;

    /** An empty log. */
    public EventLog() {
        this(event -> { });
    }

    /** A log that also hands every event to {@code echo} as it is recorded (to print them, say). */
    public EventLog(java.util.function.Consumer<String> echo) {
        this.echo = echo;
    }

    private synchronized void add(String event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
        echo.accept(event);
    }

    /** Every event so far, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The thread each event arrived on, in the same order. */
    public synchronized List<String> threads() {
        return List.copyOf(threads);
    }

    /** The sessions received so far, in order. */
    public synchronized List<CallSession> receivedSessions() {
        return List.copyOf(received);
    }

    /** Events matching {@code filter}, in order. */
    public List<String> events(Predicate<String> filter) {
        return events().stream().filter(filter).toList();
    }

    /** Waits up to 15 s for {@code event}; fails with every event seen otherwise. */
    public void awaitEvent(String event) {
        await(() -> events().contains(event), Duration.ofSeconds(15), () -> "event '" + event + "' in " + events());
    }

    /** {@link Waits#until}, for tests that wait on a log and on something else alike. */
    public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
        Waits.until(condition, timeout, what);
    }

    /** Fails if any event starts with {@code prefix}. */
    public void assertNoEvent(String prefix) {
        List<String> found = events(e -> e.startsWith(prefix));
        if (!found.isEmpty()) {
            throw new AssertionError("expected no event starting with '" + prefix + "', got " + found + " in " + events());
        }
    }

    @Override
    public void sessionReceived(CallSession session, Map<String, String> userInfo) {
        synchronized (this) {
            received.add(session);
        }
        add("sessionReceived " + session.initiatorId() + " " + new java.util.TreeMap<>(userInfo));
    }

    @Override
    public void acceptedByUser(CallSession session, long userId, Map<String, String> userInfo) {
        add("acceptedByUser " + userId + " " + new java.util.TreeMap<>(userInfo));
    }

    @Override
    public void rejectedByUser(CallSession session, long userId, Map<String, String> userInfo) {
        add("rejectedByUser " + userId + " " + new java.util.TreeMap<>(userInfo));
    }

    @Override
    public void hungUpByUser(CallSession session, long userId, Map<String, String> userInfo) {
        add("hungUpByUser " + userId + " " + new java.util.TreeMap<>(userInfo));
    }

    @Override
    public void userDidNotRespond(CallSession session, long userId) {
        add("userDidNotRespond " + userId);
    }

    @Override
    public void sessionClosed(CallSession session) {
        add("sessionClosed");
    }

    @Override
    public void statsReportUpdated(CallSession session, long userId, StatsReport report) {
        add("statsReportUpdated " + userId);
        synchronized (this) {
            lastStats = report;
        }
    }

    private StatsReport lastStats;

    /** The last stats report heard, or null. */
    public synchronized StatsReport lastStats() {
        return lastStats;
    }

    @Override
    public void sessionStateChanged(CallSession session, SessionState state) {
        add("sessionStateChanged " + state);
    }

    @Override
    public void remoteAudioTrackReceived(CallSession session, long userId, AudioTrack track) {
        add("remoteAudioTrackReceived " + userId);
    }

    @Override
    public void remoteVideoTrackReceived(CallSession session, long userId, VideoTrack track) {
        add("remoteVideoTrackReceived " + userId);
    }

    @Override
    public void startedConnectingToUser(CallSession session, long userId) {
        add("startedConnectingToUser " + userId);
    }

    @Override
    public void connectedToUser(CallSession session, long userId) {
        add("connectedToUser " + userId);
    }

    @Override
    public void connectionFailedForUser(CallSession session, long userId) {
        add("connectionFailedForUser " + userId);
    }

    @Override
    public void disconnectedFromUser(CallSession session, long userId) {
        add("disconnectedFromUser " + userId);
    }

    @Override
    public void connectionStateChanged(CallSession session, long userId, ConnectionState state) {
        add("connectionStateChanged " + userId + " " + state);
    }

    @Override
    public void connectionClosedForUser(CallSession session, long userId) {
        add("connectionClosedForUser " + userId);
    }

    @Override
    public void signalingStateChanged(dev.parley.engine.signaling.SignalingState state) {
        add("signalingStateChanged " + state);
    }

    @Override
    public void reconnectionStateChanged(CallSession session, long userId, ReconnectionState state) {
        add("reconnectionStateChanged " + userId + " " + state);
    }

    @Override
    public void activeSpeakerChanged(CallSession session, long userId) {
        add("activeSpeakerChanged " + userId);
    }

    @Override
    public void audioDeviceChanged(AudioDevice device) {
        add("audioDeviceChanged " + device.kind() + " " + device.id());
    }
}
