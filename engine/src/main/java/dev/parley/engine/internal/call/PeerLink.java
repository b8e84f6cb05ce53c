package dev.parley.engine.internal.call;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallConfig;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The connection of one session to one other participant, as rules: the call/accept
 * exchange, the dialing, answer and disconnect timers, reconnection by ICE restart, and the
 * {@link ConnectionState}s and listener events all of that gives. It holds no native object:
 * the peer connection is a {@link PeerConnectionPort} its {@link Host} makes, and the link
 * closes it exactly once.
 *
 * <p>Reconnection: when a connected link loses its path (ICE disconnected or failed, or the
 * transport failed) it goes {@link ConnectionState#DISCONNECTED} and
 * {@link ReconnectionState#RECONNECTING}; if ICE does not recover by itself it restarts ICE with
 * an {@code update} offer ({@code reason=reconnect}), negotiated by its {@link IceRestarts}. The disconnect time interval
 * ends it with {@link ConnectionState#DISCONNECT_TIMEOUT}. docs/signaling.md tells the whole
 * story, with the QuickBlox JS SDK's part in it.
 *
 * <p>Threading: engine thread only.
 */
public final class PeerLink implements PeerConnectionPort.Events {

    /** What a link needs from its session. */
    public interface Host {
        /** The session's fields, for every signal the link sends. */
        Signal.Header header();

        long localUserId();

        CallConfig config();

        /** Runs {@code task} on the engine thread after {@code delay} of the client's clock. */
        Subscription schedule(Duration delay, Runnable task);

        /** Sends a signal; false (and a log line) when it could not be sent. */
        boolean send(long toUserId, Signal signal);

        /** Whether signals can be sent now. */
        boolean signalingUp();

        /** A new peer connection to {@code userId} carrying the session's local media. */
        PeerConnectionPort connect(long userId, PeerConnectionPort.Events events);

        SessionEvents events();

        /** The link to {@code userId} is in {@code state} now; the session records it for readers. */
        void recordState(long userId, ConnectionState state);

        /** The link started connecting or connected: the session may move forward. */
        void linkProgressed();

        /** The link ended; the session may close. */
        void linkClosed(PeerLink link);
    }

    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);
    /** The platform Parley names in its signals. */
    public static final String PARLEY_PLATFORM = dev.parley.engine.CallClient.PLATFORM;

    private final Host host;
    private final long userId;
    private final boolean offerer;
    private ConnectionState state = ConnectionState.NEW;
    private PeerConnectionPort connection;
    private String remoteOffer;
    private Subscription dialingTimer;
    private Subscription answerTimer;
    private Subscription disconnectTimer;
    private final IceRestarts restarts;
    /** The platform the other side named in its call or accept ({@code java} for Parley, {@code web}, ...). */
    private String remotePlatform = PARLEY_PLATFORM;
    private VideoTrack remoteVideo;
    private AudioTrack remoteAudio;

    public PeerLink(Host host, long userId, boolean offerer) {
        this.host = host;
        this.userId = userId;
        this.offerer = offerer;
        this.restarts = new IceRestarts(host, userId, () -> state == ConnectionState.DISCONNECTED);
    }

    public long userId() {
        return userId;
    }

    public ConnectionState state() {
        return state;
    }

    /** Whether this side made the offer (called the other user). */
    public boolean isOfferer() {
        return offerer;
    }

    public VideoTrack remoteVideo() {
        return remoteVideo;
    }

    public AudioTrack remoteAudio() {
        return remoteAudio;
    }

    // ---- caller side -------------------------------------------------------------------

    /**
     * Creates the offer and rings {@code userId} until it answers or {@code answerTime} runs out:
     * the session's answer time, or, for a callee calling another callee of a group, what is
     * left of it.
     */
    public void call(Map<String, String> userInfo, Duration answerTime) {
        setState(ConnectionState.PENDING);
        connection = host.connect(userId, this);
        connection.offer(false, sdp -> ring(sdp, userInfo));
        answerTimer = host.schedule(answerTime, this::answerTimedOut);
    }

    private void ring(String sdp, Map<String, String> userInfo) {
        if (state != ConnectionState.PENDING) {
            return;
        }
        host.send(userId, new Signal.Call(host.header(), sdp, userInfo));
        dialingTimer = host.schedule(host.config().dialingTimeInterval(), () -> ring(sdp, userInfo));
    }

    private void answerTimedOut() {
        if (state != ConnectionState.PENDING) {
            return;
        }
        log.info("session {}: user {} did not answer in time", host.header().sessionId(), userId);
        if (offerer) {
            host.events().userDidNotRespond(userId);
            host.send(userId, new Signal.HangUp(host.header(), Map.of()));
        }
        close(ConnectionState.NO_ANSWER);
    }

    public void accepted(Signal.Accept accept) {
        if (!offerer || state != ConnectionState.PENDING) {
            log.debug("session {}: ignored accept from {} in state {}", host.header().sessionId(), userId, state);
            return;
        }
        remotePlatform = accept.header().platform();
        cancelRinging();
        host.events().acceptedByUser(userId, accept.userInfo());
        startConnecting();
        connection.applyAnswer(accept.sdp());
    }

    // ---- callee side -------------------------------------------------------------------

    /** Remembers the offer of an incoming call; nothing native is made until it is accepted. */
    public void offered(Signal.Call call) {
        remoteOffer = SdpText.normalizeLineEndings(call.sdp());
        remotePlatform = call.header().platform();
        state = ConnectionState.PENDING;
        host.recordState(userId, state);
        answerTimer = host.schedule(host.config().answerTimeInterval(), this::answerTimedOut);
    }

    /** Answers the remembered offer. */
    public void accept(Map<String, String> userInfo) {
        cancelRinging();
        startConnecting();
        connection = host.connect(userId, this);
        connection.answer(remoteOffer, answer -> host.send(userId, new Signal.Accept(host.header(), answer, userInfo)));
    }

    // ---- either side -------------------------------------------------------------------

    public void rejected(Map<String, String> userInfo) {
        if (state.isTerminal()) {
            return;
        }
        host.events().rejectedByUser(userId, userInfo);
        close(ConnectionState.REJECTED);
    }

    public void hungUp(Map<String, String> userInfo) {
        if (state.isTerminal()) {
            return;
        }
        host.events().hungUpByUser(userId, userInfo);
        close(ConnectionState.HANG_UP);
    }

    public void remoteCandidates(List<Signal.IceCandidate> candidates) {
        if (state.isTerminal() || connection == null) {
            return;
        }
        connection.addRemoteCandidates(candidates);
    }

    /** An ICE-restart offer or answer from the other side; see {@link IceRestarts#updateReceived}. */
    public void updateReceived(Signal.Update update) {
        if (connection == null || !(state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED)) {
            log.debug("session {}: ignored update ({}) from {} in state {}", host.header().sessionId(), update.reason(),
                    userId, state);
            return;
        }
        restarts.updateReceived(update, connection);
    }

    /** Signaling is back: a link that waits to restart ICE need not wait any longer. */
    public void signalingRestored() {
        if (state == ConnectionState.DISCONNECTED) {
            restarts.restartNow(connection);
        }
    }

    public void collectStats() {
        if (connection == null || !(state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED)) {
            return;
        }
        connection.collectStats(report -> host.events().statsReportUpdated(userId, report));
    }

    /** Ends this connection with {@code finalState}, releasing its peer connection. Idempotent. */
    public void close(ConnectionState finalState) {
        if (state.isTerminal()) {
            return;
        }
        cancelRinging();
        cancel(disconnectTimer);
        restarts.stop();
        setState(finalState);
        if (connection != null) {
            connection.close();
            connection = null;
        }
        host.events().connectionClosedForUser(userId);
        host.linkClosed(this);
    }

    // ---- connection events (PeerConnectionPort.Events) -----------------------------------

    /**
     * What ICE does to the link, as a table: while connecting, checking and then connected
     * (through checking even when libwebrtc skips it) or failed; while connected, disconnected
     * or failed start reconnecting; while reconnecting, connected is recovery and failed asks for
     * a fresh restart. Anything else (ICE cannot report it in that state, or it changes nothing)
     * is ignored, as it is before the call is accepted and after the link ended.
     */
    @Override
    public void iceStateChanged(IceState ice) {
        log.debug("session {}: ICE with user {} is {} (link {})", host.header().sessionId(), userId, ice, state);
        switch (state) {
            case CONNECTING, CHECKING -> {
                switch (ice) {
                    case CHECKING -> setState(ConnectionState.CHECKING);
                    case CONNECTED, COMPLETED -> connected();
                    case FAILED -> {
                        // never connected: there is nothing to restore
                        host.events().connectionFailedForUser(userId);
                        close(ConnectionState.FAILED);
                    }
                    default -> { }
                }
            }
            case CONNECTED -> {
                if (ice == IceState.DISCONNECTED || ice == IceState.FAILED) {
                    startReconnecting();
                }
            }
            case DISCONNECTED -> {
                if (ice == IceState.CONNECTED || ice == IceState.COMPLETED) {
                    connected();
                } else if (ice == IceState.FAILED && !restarts.waitingForAnswer()) {
                    restarts.restartNow(connection); // the restarted candidates failed too: try afresh
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
        } else if (state == ConnectionState.DISCONNECTED && !restarts.waitingForAnswer()) {
            log.info("session {}: the secure transport to user {} failed; restarting", host.header().sessionId(), userId);
            restarts.restartNow(connection);
        }
    }

    @Override
    public void remoteVideoTrackReceived(VideoTrack track) {
        if (remoteVideo == null) {
            remoteVideo = track;
            host.events().remoteVideoTrackReceived(userId, track);
        }
    }

    @Override
    public void remoteAudioTrackReceived(AudioTrack track) {
        if (remoteAudio == null) {
            remoteAudio = track;
            host.events().remoteAudioTrackReceived(userId, track);
        }
    }

    @Override
    public void localCandidates(List<Signal.IceCandidate> candidates) {
        host.send(userId, new Signal.IceCandidates(host.header(), candidates));
    }

    @Override
    public void exchangeFailed(String step, String error) {
        log.warn("session {}: {} with user {} failed: {}", host.header().sessionId(), step, userId, error);
        if (state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED) {
            // a failed ICE restart: the link stays, the next attempt or the disconnect timer decides
            restarts.exchangeFailed();
            return;
        }
        if (!state.isTerminal()) {
            host.events().connectionFailedForUser(userId);
            close(ConnectionState.FAILED);
        }
    }

    // ---- internals ---------------------------------------------------------------------

    private void connected() {
        boolean recovering = state == ConnectionState.DISCONNECTED;
        cancel(disconnectTimer);
        restarts.stop();
        if (state == ConnectionState.CONNECTING) {
            // libwebrtc can report connected without checking first when the checks succeed
            // at once; the seed's sequence always passes through checking
            setState(ConnectionState.CHECKING);
        }
        setState(ConnectionState.CONNECTED);
        host.events().connectedToUser(userId);
        if (recovering) {
            log.info("session {}: reconnected to user {}", host.header().sessionId(), userId);
            connection.refreshVideo();
            host.events().reconnectionStateChanged(userId, ReconnectionState.RECONNECTED);
        }
        host.linkProgressed();
    }

    private void startReconnecting() {
        log.info("session {}: lost the connection to user {}; reconnecting", host.header().sessionId(), userId);
        setState(ConnectionState.DISCONNECTED);
        host.events().disconnectedFromUser(userId);
        host.events().reconnectionStateChanged(userId, ReconnectionState.RECONNECTING);
        disconnectTimer = host.schedule(host.config().disconnectTimeInterval(), this::disconnectTimedOut);
        restarts.lost(remotePlatform, () -> connection);
    }

    private void disconnectTimedOut() {
        if (state != ConnectionState.DISCONNECTED) {
            return;
        }
        log.info("session {}: the connection to user {} did not come back within {} s", host.header().sessionId(),
                userId, host.config().disconnectTimeInterval().toSeconds());
        host.events().reconnectionStateChanged(userId, ReconnectionState.FAILED);
        close(ConnectionState.DISCONNECT_TIMEOUT);
    }

    private void startConnecting() {
        host.events().startedConnectingToUser(userId);
        setState(ConnectionState.CONNECTING);
        host.linkProgressed();
    }

    private void setState(ConnectionState next) {
        if (state == next) {
            return;
        }
        state = next;
        host.recordState(userId, next);
        host.events().connectionStateChanged(userId, next);
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

    @Override
    public String toString() {
        return "PeerLink[" + host.header().sessionId() + " -> " + userId + ", " + state + "]";
    }
}
