package dev.parley.engine.internal.call;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.SessionState;
import dev.parley.engine.StatsReport;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.signaling.Signal;
import dev.parley.engine.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@link PeerLink} on a bench: a recording stand-in for its session ({@link PeerLink.Host})
 * and for its peer connection ({@link PeerConnectionPort}), and a {@link ManualClock}. No
 * native code runs; what the link does shows as listener events ({@link #events}) and as
 * actions on the connection and the wire ({@link #actions}), each a short line of text.
 */
final class LinkBench implements PeerLink.Host, SessionEvents {

    static final long LOCAL = 111;
    static final long REMOTE = 222;

    final ManualClock clock = new ManualClock();
    final List<String> events = new ArrayList<>();
    final List<String> actions = new ArrayList<>();
    final PeerLink link;
    final CallConfig config = CallConfig.builder().build();
    boolean signalingUp = true;
    private final long localUserId;
    private final Signal.Header header;
    private String lastOfferId;
    private Port port;

    LinkBench(boolean offerer) {
        this(offerer, LOCAL, REMOTE);
    }

    LinkBench(boolean offerer, long localUserId, long remoteUserId) {
        this.localUserId = localUserId;
        long initiator = offerer ? localUserId : remoteUserId;
        long opponent = offerer ? remoteUserId : localUserId;
        this.header = new Signal.Header("s-1", ConferenceType.VIDEO, initiator, List.of(opponent), "java");
        this.link = new PeerLink(this, remoteUserId, offerer);
    }

    /** Forgets what was recorded so far (after setting up a situation). */
    void clear() {
        events.clear();
        actions.clear();
    }

    /** The id of the last restart offer the link sent. */
    String lastOfferId() {
        return lastOfferId;
    }

    Signal.Call callFrom(String platform) {
        return new Signal.Call(new Signal.Header("s-1", ConferenceType.VIDEO, REMOTE, List.of(LOCAL), platform),
                "v=0 offer", Map.of());
    }

    Signal.Accept acceptFrom(String platform) {
        return new Signal.Accept(new Signal.Header("s-1", ConferenceType.VIDEO, LOCAL, List.of(REMOTE), platform),
                "v=0 answer", Map.of());
    }

    Signal.Update update(String offerId, boolean offer) {
        return new Signal.Update(header, "reconnect", offerId, "v=0 " + (offer ? "offer" : "answer"), offer);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    // ---- PeerLink.Host ------------------------------------------------------------------

    @Override
    public Signal.Header header() {
        return header;
    }

    @Override
    public long localUserId() {
        return localUserId;
    }

    @Override
    public CallConfig config() {
        return config;
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        return clock.schedule(delay, task);
    }

    @Override
    public boolean send(long toUserId, Signal signal) {
        if (signal instanceof Signal.Update update) {
            actions.add("sent update " + (update.offer() ? "offer" : "answer"));
            if (update.offer()) {
                lastOfferId = update.offerId();
            }
        } else {
            actions.add("sent " + signal.signalType());
        }
        return signalingUp;
    }

    @Override
    public boolean signalingUp() {
        return signalingUp;
    }

    @Override
    public PeerConnectionPort connect(long userId, PeerConnectionPort.Events linkEvents) {
        actions.add("port opened");
        port = new Port();
        return port;
    }

    @Override
    public SessionEvents events() {
        return this;
    }

    @Override
    public void recordState(long userId, ConnectionState state) {
    }

    @Override
    public void linkProgressed() {
    }

    @Override
    public void linkClosed(PeerLink closed) {
    }

    // ---- SessionEvents: the listener's view, one short line each ---------------------------

    @Override
    public void received(Map<String, String> userInfo) {
        events.add("received");
    }

    @Override
    public void acceptedByUser(long userId, Map<String, String> userInfo) {
        events.add("acceptedByUser");
    }

    @Override
    public void rejectedByUser(long userId, Map<String, String> userInfo) {
        events.add("rejectedByUser");
    }

    @Override
    public void hungUpByUser(long userId, Map<String, String> userInfo) {
        events.add("hungUpByUser");
    }

    @Override
    public void userDidNotRespond(long userId) {
        events.add("userDidNotRespond");
    }

    @Override
    public void sessionStateChanged(SessionState state) {
        events.add("session " + state);
    }

    @Override
    public void sessionClosed() {
        events.add("sessionClosed");
    }

    @Override
    public void statsReportUpdated(long userId, StatsReport report) {
        events.add("stats");
    }

    @Override
    public void remoteAudioTrackReceived(long userId, AudioTrack track) {
        events.add("remoteAudio");
    }

    @Override
    public void remoteVideoTrackReceived(long userId, VideoTrack track) {
        events.add("remoteVideo");
    }

    @Override
    public void startedConnectingToUser(long userId) {
        events.add("startedConnecting");
    }

    @Override
    public void connectedToUser(long userId) {
        events.add("connected");
    }

    @Override
    public void connectionFailedForUser(long userId) {
        events.add("failed");
    }

    @Override
    public void disconnectedFromUser(long userId) {
        events.add("disconnected");
    }

    @Override
    public void connectionStateChanged(long userId, ConnectionState state) {
        events.add(state.name());
    }

    @Override
    public void connectionClosedForUser(long userId) {
        events.add("closed");
    }

    @Override
    public void reconnectionStateChanged(long userId, ReconnectionState state) {
        events.add(state.name());
    }

    @Override
    public void activeSpeakerChanged(long userId) {
        events.add("speaker " + userId);
    }

    /** The peer connection stand-in: offers and answers complete at once. */
    private final class Port implements PeerConnectionPort {
        private boolean localOffer;
        private int offers;

        @Override
        public void offer(boolean iceRestart, Consumer<String> ready) {
            actions.add(iceRestart ? "port restart offer" : "port offer");
            localOffer = true;
            ready.accept("v=0 offer " + ++offers);
        }

        @Override
        public void answer(String offerSdp, Consumer<String> ready) {
            actions.add("port answer");
            localOffer = false;
            ready.accept("v=0 answer");
        }

        @Override
        public void applyAnswer(String answerSdp) {
            actions.add("port apply answer");
            localOffer = false;
        }

        @Override
        public boolean hasLocalOffer() {
            return localOffer;
        }

        @Override
        public void addRemoteCandidates(List<Signal.IceCandidate> candidates) {
            actions.add("port candidates");
        }

        @Override
        public void refreshVideo() {
            actions.add("port refresh video");
        }

        @Override
        public void collectStats(Consumer<StatsReport> then) {
            actions.add("port stats");
        }

        @Override
        public void close() {
            actions.add("port closed");
        }
    }
}
