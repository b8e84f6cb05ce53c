package dev.parley.engine.internal.call;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.StatsReport;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.signaling.Signal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Not API. One peer connection as the call logic sees it: offers and answers as SDP text,
 * candidates as signals, ICE as {@link IceState}. The media layer implements it over a native
 * peer connection (with the session's local tracks on it); tests of the call rules implement it
 * with a recording stand-in, so that those rules run without native code.
 *
 * <p>Threading: engine thread only; {@link Events} arrive on it.
 */
public interface PeerConnectionPort {

    /**
     * Makes an offer (with fresh ICE credentials when {@code iceRestart}), applies it locally and
     * hands its SDP to {@code ready}; an unanswered offer of ours is rolled back first.
     */
    void offer(boolean iceRestart, Consumer<String> ready);

    /** Applies a remote offer (rolling back an offer of ours), answers it and hands the answer to {@code ready}. */
    void answer(String offerSdp, Consumer<String> ready);

    /** Applies the answer to our offer; ignored when no offer of ours waits. */
    void applyAnswer(String answerSdp);

    /** Whether an offer of ours is being made or waits for its answer. */
    boolean hasLocalOffer();

    /** Candidates from the other side; held until the remote description they belong to is set. */
    void addRemoteCandidates(List<Signal.IceCandidate> candidates);

    /** Restarts our video encoder with a key frame (after an outage). */
    void refreshVideo();

    /** Reads the connection's figures and hands them to {@code then}, later, on the engine thread. */
    void collectStats(Consumer<StatsReport> then);

    /** Ends the remote tracks, takes the local ones off and closes the connection. Idempotent. */
    void close();

    /** What the connection reports, on the engine thread, while it is open. */
    interface Events {
        void iceStateChanged(IceState state);

        /** The connection as a whole failed (ICE or DTLS); it will not recover by itself. */
        void transportFailed();

        void remoteVideoTrackReceived(VideoTrack track);

        void remoteAudioTrackReceived(AudioTrack track);

        /** Local candidates that may go to the other side now. */
        void localCandidates(List<Signal.IceCandidate> candidates);

        /** A description step failed; {@code step} says which. */
        void exchangeFailed(String step, String error);
    }
}
