package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Records every listener callback of one client as a line of text ("acceptedByUser 222
 * {answer=hi}"), with the thread it arrived on, so tests assert exact event sequences.
 */
final class EventLog implements CallListener {

    private final List<String> events = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private final List<CallSession> received = new ArrayList<>();
    private final java.util.function.Consumer<String> echo;

    EventLog() {
        this(event -> { });
    }

    /** A log that also hands every event to {@code echo} as it is recorded (a child process prints them). */
    EventLog(java.util.function.Consumer<String> echo) {
        this.echo = echo;
    }

    private synchronized void add(String event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
        echo.accept(event);
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized List<String> threads() {
        return List.copyOf(threads);
    }

    synchronized List<CallSession> receivedSessions() {
        return List.copyOf(received);
    }

    /** Events matching {@code filter}, in order. */
    List<String> events(Predicate<String> filter) {
        return events().stream().filter(filter).toList();
    }

    void awaitEvent(String event) {
        await(() -> events().contains(event), Duration.ofSeconds(15), () -> "event '" + event + "' in " + events());
    }

    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
        dev.parley.engine.testing.Waits.until(condition, timeout, what);
    }

    void assertNoEvent(String prefix) {
        assertThat(events()).noneMatch(e -> e.startsWith(prefix));
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

    synchronized StatsReport lastStats() {
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
}
