package dev.parley.engine.conference;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.conference.internal.VideoRoom;
import dev.parley.engine.internal.call.IceState;
import dev.parley.engine.internal.call.PeerConnectionPort;
import dev.parley.engine.internal.rtc.NativeAudioTrack;
import dev.parley.engine.internal.rtc.RtcEngine;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection through Janus: the local user's publication, or a subscription to one
 * user, on the plugin handle it was attached with.
 *
 * <p>Reconnection: a connection that was up and loses its path (ICE disconnected or failed)
 * reports {@code RECONNECTING}; if it is not back after the {@code iceRestartDelay} it restarts
 * ICE through Janus (a publisher offers new credentials with {@code configure}, a subscriber
 * asks Janus for a new offer with {@code configure restart}), again every
 * {@value #RESTART_EVERY_SECONDS} s while down, and reports {@code RECONNECTED} when the path
 * returns or {@code FAILED} after {@code disconnectTimeInterval}.
 *
 * <p>Threading: ICE events come on the engine's thread; restarts run on the client's thread;
 * {@link #close} and {@link #drop} from any thread.
 */
final class Feed implements PeerConnectionPort.Events {

    static final int RESTART_EVERY_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(Feed.class);

    final long userId;
    final long handle;
    private final ConferenceSession session;
    private final ConferenceClient client;
    private final VideoRoom videoRoom;
    private final RtcEngine rtc;
    private final boolean publisher;
    volatile PeerConnectionPort connection;
    /** A subscription's video and audio streams in Janus's offer (null for a publication, or without one). */
    volatile String videoMid;
    volatile String audioMid;
    volatile VideoTrack video;
    volatile AudioTrack audio;
    /** Whether this subscription's audio is held back at Janus (muted for this user). */
    private volatile boolean audioHeld;
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean wasConnected;
    private boolean reconnecting;
    private ScheduledFuture<?> restartTimer;
    private ScheduledFuture<?> failTimer;

    Feed(ConferenceSession session, ConferenceClient client, long userId, long handle, VideoRoom videoRoom) {
        this.session = session;
        this.client = client;
        this.userId = userId;
        this.handle = handle;
        this.videoRoom = videoRoom;
        this.rtc = client.rtc();
        this.publisher = userId == client.userId();
    }

    @Override
    public void iceStateChanged(IceState state) {
        if (ended.get()) {
            return;
        }
        session.connectionStateChanged(userId, stateOf(state));
        synchronized (this) {
            switch (state) {
                case CONNECTED, COMPLETED -> {
                    wasConnected = true;
                    if (reconnecting) {
                        reconnecting = false;
                        cancelTimers();
                        log.info("conference: the connection for user {} is back", userId);
                        session.reconnectionStateChanged(userId, ReconnectionState.RECONNECTED);
                    }
                }
                case DISCONNECTED, FAILED -> {
                    if (wasConnected && !reconnecting) {
                        reconnecting = true;
                        log.info("conference: the connection for user {} lost its path; reconnecting", userId);
                        session.reconnectionStateChanged(userId, ReconnectionState.RECONNECTING);
                        Duration delay = client.settings().config().iceRestartDelay();
                        restartTimer = client.schedule(delay, this::restartIce);
                        failTimer = client.schedule(client.settings().config().disconnectTimeInterval(), this::failed);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Restarts ICE through Janus while the path is down, every few seconds until it is back. */
    private void restartIce() {
        synchronized (this) {
            if (!reconnecting || ended.get()) {
                return;
            }
            restartTimer = client.schedule(Duration.ofSeconds(RESTART_EVERY_SECONDS), this::restartIce);
        }
        log.info("conference: restarting ICE for user {} on handle {}", userId, handle);
        try {
            if (publisher) {
                CompletableFuture<String> offer = new CompletableFuture<>();
                rtc.execute(() -> connection.offer(true, offer::complete));
                String answer = videoRoom.restartPublisher(handle, session.await(offer, "make an ICE-restart offer"));
                rtc.execute(() -> connection.applyAnswer(answer));
            } else {
                String offer = videoRoom.restartSubscription(handle);
                CompletableFuture<String> answer = new CompletableFuture<>();
                rtc.execute(() -> connection.answer(offer, answer::complete));
                videoRoom.start(handle, session.roomNumber(), session.await(answer, "answer an ICE-restart offer"));
            }
        } catch (JanusException | IllegalStateException e) {
            log.info("conference: the ICE restart for user {} did not go through: {}", userId, e.getMessage());
        }
    }

    private void failed() {
        synchronized (this) {
            if (!reconnecting || ended.get()) {
                return;
            }
            reconnecting = false;
            cancelTimers();
        }
        log.warn("conference: the connection for user {} did not come back", userId);
        session.reconnectionStateChanged(userId, ReconnectionState.FAILED);
        session.connectionFailed(this);
    }

    private void cancelTimers() {
        if (restartTimer != null) {
            restartTimer.cancel(false);
        }
        if (failTimer != null) {
            failTimer.cancel(false);
        }
    }

    @Override
    public void transportFailed() {
        session.connectionStateChanged(userId, ConnectionState.FAILED);
    }

    @Override
    public void remoteVideoTrackReceived(VideoTrack track) {
        if (!publisher) {
            video = track;
            session.remoteVideoTrackReceived(userId, track);
        }
    }

    @Override
    public void remoteAudioTrackReceived(AudioTrack track) {
        if (!publisher) {
            audio = track;
            holdAudio(track);
            session.remoteAudioTrackReceived(userId, track);
        }
    }

    @Override
    public void localCandidates(List<Signal.IceCandidate> candidates) {
        for (Signal.IceCandidate candidate : candidates) {
            try {
                videoRoom.trickle(handle, candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex());
            } catch (JanusException e) {
                if (!ended.get()) {
                    session.error(e);
                }
            }
        }
    }

    @Override
    public void exchangeFailed(String step, String error) {
        session.error(new JanusException("the connection for user " + userId + " failed to " + step + ": " + error, 0));
    }

    /** Asks Janus to send this subscription's video or to hold it back; nothing without video. */
    void sendVideo(boolean send) {
        send(videoMid, send);
    }

    /** Asks Janus to send this subscription's audio or to hold it back; nothing without audio. */
    void sendAudio(boolean send) {
        audioHeld = !send;
        send(audioMid, send);
        holdAudio(audio);
    }

    private void holdAudio(AudioTrack track) {
        if (track instanceof NativeAudioTrack nativeAudio) {
            nativeAudio.setHeld(audioHeld);
        }
    }

    private void send(String mid, boolean send) {
        if (mid != null) {
            videoRoom.setSending(handle, mid, send);
        }
    }

    /** Whether the connection is still in use (not closed or dropped). */
    boolean isOpen() {
        return !ended.get();
    }

    /** Leaves the room on this publication's handle, so that Janus tells the others at once. */
    void leaveRoom() {
        videoRoom.leave(handle);
    }

    /** Closes the peer connection and detaches the handle. Idempotent. */
    void close() {
        if (drop()) {
            try {
                videoRoom.detach(handle);
            } catch (JanusException e) {
                log.debug("conference: detaching handle {}: {}", handle, e.getMessage());
            }
        }
    }

    /**
     * Closes the peer connection only: the connection to Janus is gone, and the handle with it.
     * Returns whether this call ended the feed. Idempotent.
     */
    boolean drop() {
        if (ended.getAndSet(true)) {
            return false;
        }
        synchronized (this) {
            cancelTimers();
        }
        PeerConnectionPort pc = connection;
        if (pc != null) {
            try {
                rtc.call(() -> {
                    pc.close();
                    return null;
                });
            } catch (IllegalStateException e) {
                // the engine closed first, and the connection with it
            }
        }
        return true;
    }

    private static ConnectionState stateOf(IceState ice) {
        return switch (ice) {
            case NEW -> ConnectionState.NEW;
            case CHECKING -> ConnectionState.CHECKING;
            case CONNECTED, COMPLETED -> ConnectionState.CONNECTED;
            case DISCONNECTED -> ConnectionState.DISCONNECTED;
            case FAILED -> ConnectionState.FAILED;
            case CLOSED -> ConnectionState.CLOSED;
        };
    }
}
