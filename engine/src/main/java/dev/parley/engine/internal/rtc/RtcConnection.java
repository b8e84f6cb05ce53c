package dev.parley.engine.internal.rtc;

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
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.parley.engine.CallConfig;
import dev.parley.engine.IceServer;
import dev.parley.engine.StatsReport;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.internal.call.IceState;
import dev.parley.engine.internal.call.PeerConnectionPort;
import dev.parley.engine.signaling.Signal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. One native peer connection and the offer/answer work on it, with webrtc-java's
 * asynchrony tamed: description steps run one exchange at a time (a remote offer that arrives
 * while an offer is being made waits for it), every native callback hops to the engine thread
 * and is dropped once the connection closed, and ICE candidates are held back in both
 * directions until the exchange they belong to is complete.
 *
 * <p>Candidates: local ones are sent only once this side's part of the current exchange is
 * done (the answer sent, or the answer to our offer applied), as the QuickBlox SDKs expect;
 * remote ones are applied once the remote description they belong to is set. The remote
 * tracks it receives are wrapped as Parley tracks and end when it closes.
 *
 * <p>Lifecycle: {@link #close()} ends the remote tracks, removes the local ones and closes the
 * native connection once (freeing what webrtc-java would leak of it). Threading: engine thread
 * only.
 */
final class RtcConnection implements PeerConnectionPort {

    private static final Logger log = LoggerFactory.getLogger(RtcConnection.class);

    private final RtcEngine rtc;
    private final LocalMedia localMedia;
    private final long userId;
    private final Events events;
    private final String name;
    private final StatsMapper stats = new StatsMapper();
    private RTCPeerConnection connection;
    /** Description exchanges waiting for the current one; each runs its continuation when done. */
    private final Queue<Consumer<Runnable>> exchanges = new ArrayDeque<>();
    private boolean exchanging;
    private boolean makingOffer;
    private boolean remoteDescriptionSet;
    private boolean sendingCandidates;
    private final List<RTCIceCandidate> pendingRemoteCandidates = new ArrayList<>();
    private final List<Signal.IceCandidate> pendingLocalCandidates = new ArrayList<>();
    private NativeVideoTrack remoteVideo;
    private NativeAudioTrack remoteAudio;

    RtcConnection(RtcEngine rtc, CallConfig config, LocalMedia localMedia, long userId, String name, Events events) {
        this.rtc = rtc;
        this.localMedia = localMedia;
        this.userId = userId;
        this.events = events;
        this.name = name;
        RTCConfiguration configuration = new RTCConfiguration();
        for (IceServer server : config.iceServers()) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = server.urls();
            ice.username = server.username();
            ice.password = server.credential();
            configuration.iceServers.add(ice);
        }
        if (config.relayOnly()) {
            configuration.iceTransportPolicy = RTCIceTransportPolicy.RELAY;
        }
        connection = NativeTracker.opened("peer connection",
                rtc.factory().createPeerConnection(configuration, new Observer()));
        localMedia.addTo(connection);
    }

    /**
     * Makes an offer (with fresh ICE credentials when {@code iceRestart}), sets it locally and
     * hands its SDP to {@code ready}. A previous offer of ours that was never answered is
     * rolled back first.
     */
    @Override
    public void offer(boolean iceRestart, Consumer<String> ready) {
        enqueue(done -> {
            holdLocalCandidates();
            makingOffer = true;
            rollBackLocalOffer(() -> {
                RTCOfferOptions options = new RTCOfferOptions();
                options.iceRestart = iceRestart;
                connection.createOffer(options, whenCreated("creating an offer", done, offer ->
                        connection.setLocalDescription(offer, whenApplied("setting the local offer", done, () -> {
                            makingOffer = false;
                            ready.accept(offer.sdp);
                            done.run();
                        }))));
            }, done);
        });
    }

    /**
     * Applies a remote offer (rolling back an offer of ours it collides with), answers it, hands
     * the answer's SDP to {@code ready} and then releases the local candidates.
     */
    @Override
    public void answer(String offerSdp, Consumer<String> ready) {
        enqueue(done -> {
            holdLocalCandidates();
            rollBackLocalOffer(() -> applyRemote(RTCSdpType.OFFER, offerSdp, done, () ->
                    connection.createAnswer(new RTCAnswerOptions(), whenCreated("creating an answer", done, answer ->
                            connection.setLocalDescription(answer, whenApplied("setting the local answer", done, () -> {
                                ready.accept(answer.sdp);
                                releaseLocalCandidates();
                                done.run();
                            }))))), done);
        });
    }

    /** Applies the remote answer to our offer, then releases the local candidates. */
    @Override
    public void applyAnswer(String answerSdp) {
        enqueue(done -> {
            if (connection.getSignalingState() != RTCSignalingState.HAVE_LOCAL_OFFER) {
                log.debug("{}: ignored an answer: no offer of ours is waiting for one", name);
                done.run();
                return;
            }
            applyRemote(RTCSdpType.ANSWER, answerSdp, done, () -> {
                releaseLocalCandidates();
                done.run();
            });
        });
    }

    /** Whether an offer of ours is being made or waits for its answer. */
    @Override
    public boolean hasLocalOffer() {
        return makingOffer || connection.getSignalingState() == RTCSignalingState.HAVE_LOCAL_OFFER;
    }

    @Override
    public void addRemoteCandidates(List<Signal.IceCandidate> candidates) {
        for (Signal.IceCandidate c : candidates) {
            RTCIceCandidate candidate = new RTCIceCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate());
            if (remoteDescriptionSet) {
                addRemoteCandidate(candidate);
            } else {
                pendingRemoteCandidates.add(candidate);
            }
        }
    }

    /**
     * Makes our video encoder start again with a key frame, by switching each video encoding
     * off and on. After an outage the other side holds only frames that refer to lost ones and
     * would otherwise wait 3 s before asking for a key frame itself.
     */
    @Override
    public void refreshVideo() {
        for (RTCRtpSender sender : connection.getSenders()) {
            if (!(sender.getTrack() instanceof dev.onvoid.webrtc.media.video.VideoTrack)) {
                continue;
            }
            try {
                RTCRtpSendParameters parameters = sender.getParameters();
                parameters.encodings.forEach(e -> e.active = false);
                sender.setParameters(parameters);
                parameters = sender.getParameters();
                parameters.encodings.forEach(e -> e.active = true);
                sender.setParameters(parameters);
            } catch (RuntimeException e) {
                log.warn("{}: could not restart the video encoder: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public void collectStats(Consumer<StatsReport> then) {
        connection.getStats(report -> rtc.execute(() -> {
            if (connection != null) {
                then.accept(stats.map(report));
            }
        }));
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        if (remoteVideo != null) {
            remoteVideo.end();
        }
        if (remoteAudio != null) {
            remoteAudio.end();
        }
        localMedia.removeFrom(connection);
        for (RTCRtpSender sender : connection.getSenders()) {
            connection.removeTrack(sender);
        }
        ClosedPeerConnections.close(connection);
        NativeTracker.closed("peer connection");
        connection = null;
        exchanges.clear();
    }

    // ---- internals ---------------------------------------------------------------------

    private void trackAdded(MediaStreamTrack track) {
        if (track instanceof dev.onvoid.webrtc.media.video.VideoTrack video && remoteVideo == null) {
            remoteVideo = new NativeVideoTrack(rtc, userId, video);
            events.remoteVideoTrackReceived(remoteVideo);
        } else if (track instanceof dev.onvoid.webrtc.media.audio.AudioTrack audio && remoteAudio == null) {
            remoteAudio = NativeAudioTrack.remote(rtc, userId, audio);
            events.remoteAudioTrackReceived(remoteAudio);
        }
    }

    private void enqueue(Consumer<Runnable> exchange) {
        exchanges.add(exchange);
        if (!exchanging) {
            nextExchange();
        }
    }

    private void nextExchange() {
        Consumer<Runnable> next = connection == null ? null : exchanges.poll();
        exchanging = next != null;
        if (next != null) {
            next.accept(this::nextExchange);
        }
    }

    private void applyRemote(RTCSdpType type, String sdp, Runnable done, Runnable then) {
        remoteDescriptionSet = false;
        RTCSessionDescription description = new RTCSessionDescription(type, SdpText.normalizeLineEndings(sdp));
        connection.setRemoteDescription(description, whenApplied("setting the remote " + type.name().toLowerCase(),
                done, () -> {
                    remoteDescriptionSet = true;
                    pendingRemoteCandidates.forEach(this::addRemoteCandidate);
                    pendingRemoteCandidates.clear();
                    then.run();
                }));
    }

    /** Rolls back an unanswered offer of ours, so that a new exchange can start from stable. */
    private void rollBackLocalOffer(Runnable then, Runnable done) {
        if (connection.getSignalingState() != RTCSignalingState.HAVE_LOCAL_OFFER) {
            then.run();
            return;
        }
        log.debug("{}: rolling back our unanswered offer", name);
        connection.setLocalDescription(new RTCSessionDescription(RTCSdpType.ROLLBACK, ""),
                whenApplied("rolling back our offer", done, then));
    }

    private void holdLocalCandidates() {
        sendingCandidates = false;
    }

    private void releaseLocalCandidates() {
        sendingCandidates = true;
        if (!pendingLocalCandidates.isEmpty()) {
            events.localCandidates(List.copyOf(pendingLocalCandidates));
            pendingLocalCandidates.clear();
        }
    }

    private void localCandidate(RTCIceCandidate candidate) {
        if (isStale(candidate)) {
            log.debug("{}: dropped a local candidate of ICE credentials no longer in use: {}", name, candidate.sdp);
            return;
        }
        Signal.IceCandidate c = new Signal.IceCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex);
        if (sendingCandidates) {
            events.localCandidates(List.of(c));
        } else {
            pendingLocalCandidates.add(c);
        }
    }

    /**
     * Whether a local candidate belongs to ICE credentials that are gone: gathering for an offer
     * that was rolled back goes on for a moment, and the other side must not get its candidates.
     */
    private boolean isStale(RTCIceCandidate candidate) {
        String ufrag = SdpText.candidateUfrag(candidate.sdp);
        RTCSessionDescription local = connection.getLocalDescription();
        return ufrag != null && local != null && !local.sdp.contains("a=ice-ufrag:" + ufrag + "\r\n");
    }

    private void addRemoteCandidate(RTCIceCandidate candidate) {
        try {
            connection.addIceCandidate(candidate);
        } catch (RuntimeException e) {
            log.warn("{}: ignored an ICE candidate that WebRTC refused: {}", name, e.getMessage());
        }
    }

    private void failed(String step, String error, Runnable done) {
        makingOffer = false;
        events.exchangeFailed(step, error);
        if (connection != null) {
            done.run();
        }
    }

    /** A set-description observer whose outcome runs on the engine thread while the connection is open. */
    private SetSessionDescriptionObserver whenApplied(String step, Runnable done, Runnable then) {
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
                rtc.execute(() -> {
                    if (connection != null) {
                        failed(step, error, done);
                    }
                });
            }
        };
    }

    /** A create-description observer whose outcome runs on the engine thread while the connection is open. */
    private CreateSessionDescriptionObserver whenCreated(String step, Runnable done,
            Consumer<RTCSessionDescription> then) {
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
                rtc.execute(() -> {
                    if (connection != null) {
                        failed(step, error, done);
                    }
                });
            }
        };
    }

    /** Native observer: every callback hops to the engine thread and is dropped once closed. */
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
        public void onIceConnectionChange(RTCIceConnectionState state) {
            rtc.execute(() -> {
                if (connection != null) {
                    events.iceStateChanged(IceState.valueOf(state.name()));
                }
            });
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.FAILED) {
                rtc.execute(() -> {
                    if (connection != null) {
                        events.transportFailed();
                    }
                });
            }
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            rtc.execute(() -> {
                if (connection != null) {
                    trackAdded(transceiver.getReceiver().getTrack());
                }
            });
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
