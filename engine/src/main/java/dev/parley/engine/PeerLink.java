package dev.parley.engine;

import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of one session to one other participant: the call/accept exchange, the
 * dialing, answer and disconnect timers, reconnection by ICE restart, the remote tracks, and
 * the {@link ConnectionState} and listener events they give. Its {@link RtcConnection} holds
 * the native peer connection; the link closes it exactly once.
 *
 * <p>Reconnection: when a connected link loses its path (ICE disconnected or failed) it goes
 * {@link ConnectionState#DISCONNECTED} and {@link ReconnectionState#RECONNECTING}; if ICE does
 * not recover by itself within {@link CallConfig#iceRestartDelay()} and signaling is up, it
 * restarts ICE with an {@code update} offer ({@code reason=reconnect}); see {@link #restartIce}.
 * On offer collisions the lower user id yields, as the QuickBlox SDKs do. The disconnect time interval ends it with
 * {@link ConnectionState#DISCONNECT_TIMEOUT}.
 *
 * <p>Threading: engine thread only.
 */
final class PeerLink implements RtcConnection.Events {

    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);
    /** How long an ICE-restart offer may wait for its answer before another is sent. */
    private static final Duration RESTART_ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** How long a QuickBlox peer gets to restart ICE itself; see {@link #firstRestartDelay}. */
    private static final Duration QUICKBLOX_RESTART_GRACE = Duration.ofSeconds(8);

    final long userId;
    private final CallSession session;
    private final RtcEngine rtc;
    private final boolean offerer;
    private ConnectionState state = ConnectionState.NEW;
    private RtcConnection connection;
    private String remoteOffer;
    private Subscription dialingTimer;
    private Subscription answerTimer;
    private Subscription disconnectTimer;
    private Subscription restartTimer;
    /** The id of our ICE-restart offer that waits for its answer. */
    private String restartOfferId;
    /** The platform the other side named in its call or accept ({@code java} for Parley, {@code web}, ...). */
    private String remotePlatform = CallClient.PLATFORM;
    private VideoTrackImpl remoteVideo;
    private AudioTrackImpl remoteAudio;
    private final StatsMapper stats = new StatsMapper();

    PeerLink(CallSession session, RtcEngine rtc, long userId, boolean offerer) {
        this.session = session;
        this.rtc = rtc;
        this.userId = userId;
        this.offerer = offerer;
    }

    ConnectionState state() {
        return state;
    }

    /** Whether this side made the offer (called the other user). */
    boolean isOfferer() {
        return offerer;
    }

    VideoTrackImpl remoteVideo() {
        return remoteVideo;
    }

    AudioTrackImpl remoteAudio() {
        return remoteAudio;
    }

    // ---- caller side -------------------------------------------------------------------

    /** Creates the offer and rings {@code userId} until it answers or the answer time runs out. */
    void call(Map<String, String> userInfo) {
        call(userInfo, session.config().answerTimeInterval());
    }

    /**
     * As {@link #call(Map)}, ringing at most {@code answerTime}: a callee calling another callee
     * of a group gets what is left of the session's ringing time, as QuickBlox does.
     */
    void call(Map<String, String> userInfo, Duration answerTime) {
        setState(ConnectionState.PENDING);
        createConnection();
        connection.offer(false, sdp -> ring(sdp, userInfo));
        answerTimer = session.schedule(answerTime, this::answerTimedOut);
    }

    private void ring(String sdp, Map<String, String> userInfo) {
        if (state != ConnectionState.PENDING) {
            return;
        }
        session.send(userId, new Signal.Call(session.header(), sdp, userInfo));
        dialingTimer = session.schedule(session.config().dialingTimeInterval(), () -> ring(sdp, userInfo));
    }

    private void answerTimedOut() {
        if (state != ConnectionState.PENDING) {
            return;
        }
        log.info("session {}: user {} did not answer in time", session.id(), userId);
        if (offerer) {
            session.fire(l -> l.userDidNotRespond(session, userId));
            session.send(userId, new Signal.HangUp(session.header(), Map.of()));
        }
        close(ConnectionState.NO_ANSWER);
    }

    void accepted(Signal.Accept accept) {
        if (!offerer || state != ConnectionState.PENDING) {
            log.debug("session {}: ignored accept from {} in state {}", session.id(), userId, state);
            return;
        }
        remotePlatform = accept.header().platform();
        cancelRinging();
        session.fire(l -> l.acceptedByUser(session, userId, accept.userInfo()));
        startConnecting();
        connection.applyAnswer(accept.sdp());
    }

    // ---- callee side -------------------------------------------------------------------

    /** Remembers the offer of an incoming call; nothing is created until it is accepted. */
    void offered(Signal.Call call) {
        remoteOffer = SdpText.normalizeLineEndings(call.sdp());
        remotePlatform = call.header().platform();
        state = ConnectionState.PENDING;
        session.publishState(userId, state);
        answerTimer = session.schedule(session.config().answerTimeInterval(), this::answerTimedOut);
    }

    /** Answers the remembered offer. */
    void accept(Map<String, String> userInfo) {
        cancelRinging();
        startConnecting();
        createConnection();
        connection.answer(remoteOffer, answer -> session.send(userId, new Signal.Accept(session.header(), answer,
                userInfo)));
    }

    // ---- either side -------------------------------------------------------------------

    void rejected(Map<String, String> userInfo) {
        if (state.isTerminal()) {
            return;
        }
        session.fire(l -> l.rejectedByUser(session, userId, userInfo));
        close(ConnectionState.REJECTED);
    }

    void hungUp(Map<String, String> userInfo) {
        if (state.isTerminal()) {
            return;
        }
        session.fire(l -> l.hungUpByUser(session, userId, userInfo));
        close(ConnectionState.HANG_UP);
    }

    void remoteCandidates(List<Signal.IceCandidate> candidates) {
        log.debug("session {}: {} candidates from {}: {}", session.id(), candidates.size(), userId, candidates);
        if (state.isTerminal() || connection == null) {
            return;
        }
        connection.addRemoteCandidates(candidates);
    }

    /**
     * An ICE-restart offer or answer from the other side. Offers are answered while the link is
     * connected or reconnecting; when our own restart offer is out, the lower id yields (rolls
     * its offer back and answers) and the higher id ignores theirs. Answers count only for our
     * current offer.
     */
    void updateReceived(Signal.Update update) {
        if (!"reconnect".equals(update.reason())) {
            log.debug("session {}: ignored update from {} with reason '{}'", session.id(), userId, update.reason());
            return;
        }
        if (connection == null || !(state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED)) {
            log.debug("session {}: ignored reconnect {} from {} in state {}", session.id(),
                    update.offer() ? "offer" : "answer", userId, state);
            return;
        }
        if (!update.offer()) {
            if (!update.offerId().equals(restartOfferId)) {
                log.debug("session {}: ignored a reconnect answer from {} for offer '{}', not ours", session.id(),
                        userId, update.offerId());
                return;
            }
            restartNegotiated();
            connection.applyAnswer(update.sdp());
            return;
        }
        boolean polite = session.localUserId() < userId;
        if (connection.hasLocalOffer() && !polite) {
            log.info("session {}: reconnect offers crossed with {}; ours stands (the lower id yields)", session.id(),
                    userId);
            return;
        }
        log.info("session {}: answering the reconnect offer of {}", session.id(), userId);
        restartNegotiated();
        connection.answer(update.sdp(), answer -> session.send(userId,
                new Signal.Update(session.header(), "reconnect", update.offerId(), answer, false)));
    }

    /** Signaling is back: a link that waits to restart ICE need not wait any longer. */
    void signalingRestored() {
        if (state == ConnectionState.DISCONNECTED) {
            restartIce();
        }
    }

    void collectStats() {
        if (connection == null || !(state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED)) {
            return;
        }
        connection.collectStats(report -> {
            StatsReport mapped = stats.map(report);
            session.fire(l -> l.statsReportUpdated(session, userId, mapped));
        });
    }

    /** Ends this connection with {@code finalState}, releasing its peer connection. Idempotent. */
    void close(ConnectionState finalState) {
        if (state.isTerminal()) {
            return;
        }
        cancelRinging();
        cancel(disconnectTimer);
        cancel(restartTimer);
        setState(finalState);
        if (remoteVideo != null) {
            remoteVideo.end();
        }
        if (remoteAudio != null) {
            remoteAudio.end();
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        session.fire(l -> l.connectionClosedForUser(session, userId));
        session.linkClosed(this);
    }

    // ---- connection events (RtcConnection.Events) ----------------------------------------

    @Override
    public void iceStateChanged(RTCIceConnectionState ice) {
        log.debug("session {}: ICE with user {} is {} (link {})", session.id(), userId, ice, state);
        if (state.isTerminal()) {
            return;
        }
        switch (ice) {
            case CHECKING -> {
                if (state == ConnectionState.CONNECTING) {
                    setState(ConnectionState.CHECKING);
                }
            }
            case CONNECTED, COMPLETED -> connected();
            case DISCONNECTED -> {
                if (state == ConnectionState.CONNECTED) {
                    startReconnecting();
                }
            }
            case FAILED -> {
                if (state == ConnectionState.CONNECTED) {
                    startReconnecting();
                } else if (state == ConnectionState.DISCONNECTED) {
                    if (restartOfferId == null) {
                        restartIce(); // the restarted candidates failed too: try afresh
                    }
                } else {
                    // never connected: there is nothing to restore
                    session.fire(l -> l.connectionFailedForUser(session, userId));
                    close(ConnectionState.FAILED);
                }
            }
            default -> { }
        }
    }

    @Override
    public void transportFailed() {
        // ICE may look fine while DTLS failed (a handshake with a stale peer connection of the
        // other side, say): only a restart with a fresh handshake brings the media back
        if (state == ConnectionState.CONNECTED) {
            startReconnecting();
        } else if (state == ConnectionState.DISCONNECTED && restartOfferId == null) {
            log.info("session {}: the secure transport to user {} failed; restarting", session.id(), userId);
            restartIce();
        }
    }

    @Override
    public void trackAdded(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (track instanceof dev.onvoid.webrtc.media.video.VideoTrack video && remoteVideo == null) {
            remoteVideo = new VideoTrackImpl(rtc, userId, video);
            VideoTrackImpl published = remoteVideo;
            session.fire(l -> l.remoteVideoTrackReceived(session, userId, published));
        } else if (track instanceof dev.onvoid.webrtc.media.audio.AudioTrack audio && remoteAudio == null) {
            remoteAudio = new AudioTrackImpl(rtc, userId, audio);
            AudioTrackImpl published = remoteAudio;
            session.fire(l -> l.remoteAudioTrackReceived(session, userId, published));
        }
    }

    @Override
    public void localCandidates(List<Signal.IceCandidate> candidates) {
        log.debug("session {}: sending {} candidates to {}: {}", session.id(), candidates.size(), userId, candidates);
        session.send(userId, new Signal.IceCandidates(session.header(), candidates));
    }

    @Override
    public void exchangeFailed(String step, String error) {
        log.warn("session {}: {} with user {} failed: {}", session.id(), step, userId, error);
        if (state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED) {
            // a failed ICE restart: the link stays, the next attempt or the disconnect timer decides
            restartOfferId = null;
            return;
        }
        if (!state.isTerminal()) {
            session.fire(l -> l.connectionFailedForUser(session, userId));
            close(ConnectionState.FAILED);
        }
    }

    // ---- internals ---------------------------------------------------------------------

    private void connected() {
        if (state == ConnectionState.CONNECTED) {
            return;
        }
        boolean recovering = state == ConnectionState.DISCONNECTED;
        cancel(disconnectTimer);
        cancel(restartTimer);
        if (state == ConnectionState.CONNECTING) {
            // libwebrtc can report connected without checking first when the checks succeed
            // at once; the seed's sequence always passes through checking
            setState(ConnectionState.CHECKING);
        }
        setState(ConnectionState.CONNECTED);
        session.fire(l -> l.connectedToUser(session, userId));
        if (recovering) {
            log.info("session {}: reconnected to user {}", session.id(), userId);
            connection.refreshVideo();
            session.fire(l -> l.reconnectionStateChanged(session, userId, ReconnectionState.RECONNECTED));
        }
        session.linkStateChanged();
    }

    private void startReconnecting() {
        log.info("session {}: lost the connection to user {}; reconnecting", session.id(), userId);
        setState(ConnectionState.DISCONNECTED);
        session.fire(l -> l.disconnectedFromUser(session, userId));
        session.fire(l -> l.reconnectionStateChanged(session, userId, ReconnectionState.RECONNECTING));
        disconnectTimer = session.schedule(session.config().disconnectTimeInterval(), this::disconnectTimedOut);
        restartTimer = session.schedule(firstRestartDelay(), this::restartIce);
    }

    /**
     * How long to wait before our first ICE restart. A QuickBlox SDK peer restarts ICE by
     * itself 5 s after it notices the loss, and it replaces its peer connection for every restart
     * offer; a restart of ours that lands before its own makes it replace the connection twice,
     * and the JS SDK (2.23.0) then leaves the first replacement running, whose DTLS handshake
     * breaks ours. So toward a QuickBlox peer we let it go first and restart only if it does
     * not; toward Parley we restart after the configured delay.
     */
    private Duration firstRestartDelay() {
        Duration configured = session.config().iceRestartDelay();
        if (CallClient.PLATFORM.equals(remotePlatform) || configured.compareTo(QUICKBLOX_RESTART_GRACE) >= 0) {
            return configured;
        }
        return QUICKBLOX_RESTART_GRACE;
    }

    private void disconnectTimedOut() {
        if (state != ConnectionState.DISCONNECTED) {
            return;
        }
        log.info("session {}: the connection to user {} did not come back within {} s", session.id(), userId,
                session.config().disconnectTimeInterval().toSeconds());
        session.fire(l -> l.reconnectionStateChanged(session, userId, ReconnectionState.FAILED));
        close(ConnectionState.DISCONNECT_TIMEOUT);
    }

    /**
     * Sends an ICE-restart offer now if signaling can carry it (else {@link #signalingRestored}
     * sends it). One restart is enough while the path is down: ICE keeps checking the new
     * candidates and connects as soon as the path returns. Another follows only if this offer
     * gets no answer in time, ICE fails, or signaling was lost and came back; restarting more
     * often would make a QuickBlox JS peer replace its peer connection again and again.
     */
    private void restartIce() {
        cancel(restartTimer);
        restartTimer = null;
        if (state != ConnectionState.DISCONNECTED) {
            return;
        }
        if (!session.signalingUp()) {
            log.info("session {}: signaling is down; the ICE restart toward {} waits for it", session.id(), userId);
            return;
        }
        String offerId = UUID.randomUUID().toString();
        restartOfferId = offerId;
        log.info("session {}: restarting ICE toward user {} (offer {})", session.id(), userId, offerId);
        connection.offer(true, sdp -> {
            if (offerId.equals(restartOfferId)) {
                session.send(userId, new Signal.Update(session.header(), "reconnect", offerId, sdp, true));
            }
        });
        restartTimer = session.schedule(RESTART_ANSWER_TIMEOUT, () -> {
            if (offerId.equals(restartOfferId)) {
                log.info("session {}: no answer from user {} to ICE-restart offer {}", session.id(), userId, offerId);
                restartIce();
            }
        });
    }

    /** A restart exchange completed (ours answered, or theirs answered by us): nothing more to send. */
    private void restartNegotiated() {
        restartOfferId = null;
        cancel(restartTimer);
        restartTimer = null;
    }

    private void startConnecting() {
        session.fire(l -> l.startedConnectingToUser(session, userId));
        setState(ConnectionState.CONNECTING);
        session.linkStateChanged();
    }

    private void createConnection() {
        connection = new RtcConnection(rtc, session.config(), session.localMedia(),
                "session " + session.id() + " with user " + userId, this);
    }

    private void setState(ConnectionState next) {
        if (state == next) {
            return;
        }
        state = next;
        session.publishState(userId, next);
        session.fire(l -> l.connectionStateChanged(session, userId, next));
    }

    private void cancelRinging() {
        cancel(dialingTimer);
        cancel(answerTimer);
        dialingTimer = null;
        answerTimer = null;
    }

    private static void cancel(Subscription timer) {
        if (timer != null) {
            timer.close();
        }
    }
}
