package dev.parley.engine;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of one session to one other participant: its peer connection, the
 * offer/answer and ICE exchange, the dialing, answer and disconnect timers, and the remote
 * tracks. It owns its peer connection and closes it exactly once.
 *
 * <p>Threading: engine thread only. Native observers post to it.
 */
final class PeerLink {

    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

    final long userId;
    private final CallSession session;
    private final RtcEngine rtc;
    private final boolean offerer;
    private ConnectionState state = ConnectionState.NEW;
    private RTCPeerConnection connection;
    private String remoteOffer;
    private boolean remoteDescriptionSet;
    private boolean sendingCandidates;
    private final List<RTCIceCandidate> pendingRemoteCandidates = new ArrayList<>();
    private final List<Signal.IceCandidate> pendingLocalCandidates = new ArrayList<>();
    private Subscription dialingTimer;
    private Subscription answerTimer;
    private Subscription disconnectTimer;
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
        connection.createOffer(new RTCOfferOptions(), whenCreated(offer ->
                connection.setLocalDescription(offer, whenApplied(() -> ring(offer.sdp, userInfo)))));
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

    void accepted(String sdp, Map<String, String> userInfo) {
        if (!offerer || state != ConnectionState.PENDING) {
            log.debug("session {}: ignored accept from {} in state {}", session.id(), userId, state);
            return;
        }
        cancelRinging();
        session.fire(l -> l.acceptedByUser(session, userId, userInfo));
        startConnecting();
        RTCSessionDescription answer = new RTCSessionDescription(RTCSdpType.ANSWER, SdpText.normalizeLineEndings(sdp));
        connection.setRemoteDescription(answer, whenApplied(() -> {
            remoteDescriptionSet = true;
            applyPendingRemoteCandidates();
            startSendingCandidates();
        }));
    }

    // ---- callee side -------------------------------------------------------------------

    /** Remembers the offer of an incoming call; nothing is created until it is accepted. */
    void offered(String sdp) {
        remoteOffer = SdpText.normalizeLineEndings(sdp);
        state = ConnectionState.PENDING;
        session.publishState(userId, state);
        answerTimer = session.schedule(session.config().answerTimeInterval(), this::answerTimedOut);
    }

    /** Answers the remembered offer. */
    void accept(Map<String, String> userInfo) {
        cancelRinging();
        startConnecting();
        createConnection();
        connection.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, remoteOffer), whenApplied(() -> {
            remoteDescriptionSet = true;
            applyPendingRemoteCandidates();
            connection.createAnswer(new RTCAnswerOptions(), whenCreated(answer ->
                    connection.setLocalDescription(answer, whenApplied(() -> {
                        session.send(userId, new Signal.Accept(session.header(), answer.sdp, userInfo));
                        startSendingCandidates();
                    }))));
        }));
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
        if (state.isTerminal()) {
            return;
        }
        for (Signal.IceCandidate c : candidates) {
            RTCIceCandidate candidate = new RTCIceCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate());
            if (connection != null && remoteDescriptionSet) {
                addRemoteCandidate(candidate);
            } else {
                pendingRemoteCandidates.add(candidate);
            }
        }
    }

    void collectStats() {
        if (connection == null || !(state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED)) {
            return;
        }
        connection.getStats(report -> rtc.execute(() -> {
            if (connection == null) {
                return;
            }
            StatsReport mapped = stats.map(report);
            session.fire(l -> l.statsReportUpdated(session, userId, mapped));
        }));
    }

    /** Ends this connection with {@code finalState}, releasing its peer connection. Idempotent. */
    void close(ConnectionState finalState) {
        if (state.isTerminal()) {
            return;
        }
        cancelRinging();
        cancel(disconnectTimer);
        setState(finalState);
        if (remoteVideo != null) {
            remoteVideo.end();
        }
        if (remoteAudio != null) {
            remoteAudio.end();
        }
        if (connection != null) {
            session.localMedia().removeFrom(connection);
            // webrtc-java never frees a closed peer connection (close() drops its handle without a
            // release), so take our tracks out first: otherwise its senders keep them alive forever.
            for (RTCRtpSender sender : connection.getSenders()) {
                connection.removeTrack(sender);
            }
            connection.close();
            NativeTracker.closed("peer connection");
            connection = null;
        }
        session.fire(l -> l.connectionClosedForUser(session, userId));
        session.linkClosed(this);
    }

    // ---- internals ---------------------------------------------------------------------

    private void startConnecting() {
        session.fire(l -> l.startedConnectingToUser(session, userId));
        setState(ConnectionState.CONNECTING);
        session.linkStateChanged();
    }

    private void createConnection() {
        RTCConfiguration configuration = new RTCConfiguration();
        for (IceServer server : session.config().iceServers()) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = server.urls();
            ice.username = server.username();
            ice.password = server.credential();
            configuration.iceServers.add(ice);
        }
        if (session.config().relayOnly()) {
            configuration.iceTransportPolicy = RTCIceTransportPolicy.RELAY;
        }
        connection = NativeTracker.opened("peer connection",
                rtc.factory().createPeerConnection(configuration, new Observer()));
        session.localMedia().addTo(connection);
    }

    private void setState(ConnectionState next) {
        if (state == next) {
            return;
        }
        state = next;
        session.publishState(userId, next);
        session.fire(l -> l.connectionStateChanged(session, userId, next));
    }

    private void iceStateChanged(RTCIceConnectionState ice) {
        if (state.isTerminal()) {
            return;
        }
        switch (ice) {
            case CHECKING -> {
                if (state == ConnectionState.CONNECTING) {
                    setState(ConnectionState.CHECKING);
                }
            }
            case CONNECTED, COMPLETED -> {
                if (state == ConnectionState.CONNECTED) {
                    return;
                }
                boolean recovering = state == ConnectionState.DISCONNECTED;
                cancel(disconnectTimer);
                if (state == ConnectionState.CONNECTING) {
                    // libwebrtc can report connected without checking first when the checks succeed
                    // at once; the seed's sequence always passes through checking
                    setState(ConnectionState.CHECKING);
                }
                setState(ConnectionState.CONNECTED);
                session.fire(l -> l.connectedToUser(session, userId));
                if (recovering) {
                    session.fire(l -> l.reconnectionStateChanged(session, userId, ReconnectionState.RECONNECTED));
                }
                session.linkStateChanged();
            }
            case DISCONNECTED -> {
                if (state != ConnectionState.CONNECTED) {
                    return;
                }
                setState(ConnectionState.DISCONNECTED);
                session.fire(l -> l.disconnectedFromUser(session, userId));
                session.fire(l -> l.reconnectionStateChanged(session, userId, ReconnectionState.RECONNECTING));
                disconnectTimer = session.schedule(session.config().disconnectTimeInterval(), () -> {
                    if (state == ConnectionState.DISCONNECTED) {
                        session.fire(l -> l.reconnectionStateChanged(session, userId, ReconnectionState.FAILED));
                        close(ConnectionState.DISCONNECT_TIMEOUT);
                    }
                });
            }
            case FAILED -> {
                boolean wasReconnecting = state == ConnectionState.DISCONNECTED;
                session.fire(l -> l.connectionFailedForUser(session, userId));
                if (wasReconnecting) {
                    session.fire(l -> l.reconnectionStateChanged(session, userId, ReconnectionState.FAILED));
                }
                close(ConnectionState.FAILED);
            }
            default -> { }
        }
    }

    private void trackAdded(RTCRtpTransceiver transceiver) {
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

    private void localCandidate(RTCIceCandidate candidate) {
        Signal.IceCandidate c = new Signal.IceCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex);
        if (sendingCandidates) {
            session.send(userId, new Signal.IceCandidates(session.header(), List.of(c)));
        } else {
            pendingLocalCandidates.add(c);
        }
    }

    private void startSendingCandidates() {
        sendingCandidates = true;
        if (!pendingLocalCandidates.isEmpty()) {
            session.send(userId, new Signal.IceCandidates(session.header(), pendingLocalCandidates));
            pendingLocalCandidates.clear();
        }
    }

    private void applyPendingRemoteCandidates() {
        pendingRemoteCandidates.forEach(this::addRemoteCandidate);
        pendingRemoteCandidates.clear();
    }

    private void addRemoteCandidate(RTCIceCandidate candidate) {
        try {
            connection.addIceCandidate(candidate);
        } catch (RuntimeException e) {
            log.warn("session {}: ignored an ICE candidate from {} that WebRTC refused: {}", session.id(), userId,
                    e.getMessage());
        }
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

    private void negotiationFailed(String step, String error) {
        log.warn("session {}: {} with user {} failed: {}", session.id(), step, userId, error);
        if (!state.isTerminal()) {
            session.fire(l -> l.connectionFailedForUser(session, userId));
            close(ConnectionState.FAILED);
        }
    }

    /** A set-description observer whose outcome runs on the engine thread while the link lives. */
    private SetSessionDescriptionObserver whenApplied(Runnable then) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                rtc.execute(() -> {
                    if (connection != null) {
                        then.run();
                    }
                });
            }

            @Override
            public void onFailure(String error) {
                rtc.execute(() -> negotiationFailed("setting a session description", error));
            }
        };
    }

    /** A create-description observer whose outcome runs on the engine thread while the link lives. */
    private CreateSessionDescriptionObserver whenCreated(Consumer<RTCSessionDescription> then) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                rtc.execute(() -> {
                    if (connection != null) {
                        then.accept(description);
                    }
                });
            }

            @Override
            public void onFailure(String error) {
                rtc.execute(() -> negotiationFailed("creating a session description", error));
            }
        };
    }

    /** Native observer: every callback hops to the engine thread and is dropped once the link closed. */
    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            rtc.execute(() -> {
                if (connection != null) {
                    localCandidate(candidate);
                }
            });
        }

        @Override
        public void onIceConnectionChange(RTCIceConnectionState ice) {
            rtc.execute(() -> {
                if (connection != null) {
                    iceStateChanged(ice);
                }
            });
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            rtc.execute(() -> {
                if (connection != null) {
                    trackAdded(transceiver);
                }
            });
        }
    }
}
