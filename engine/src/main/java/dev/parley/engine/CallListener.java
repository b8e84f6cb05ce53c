package dev.parley.engine;

import dev.parley.engine.signaling.SignalingState;
import java.util.Map;

/**
 * Everything that happens to a client's call sessions, as QuickBlox's
 * {@code QBRTCClientDelegate}. Every method is a no-op by default: override what you need and
 * register with {@link CallClient#addListener}.
 *
 * <p>Threading: callbacks run on the {@link CallConfig#callbackExecutor()} (the AWT event
 * dispatch thread unless configured otherwise), never on a native thread, one at a time and in
 * the order they happened. A callback may call any session method.
 */
public interface CallListener {

    /** A new incoming call: ring, then {@link CallSession#acceptCall} or {@link CallSession#rejectCall}. */
    default void sessionReceived(CallSession session, Map<String, String> userInfo) {
    }

    /** {@code userId} accepted the call, sending {@code userInfo}. */
    default void acceptedByUser(CallSession session, long userId, Map<String, String> userInfo) {
    }

    /** {@code userId} rejected the call (possibly automatically, because it was busy). */
    default void rejectedByUser(CallSession session, long userId, Map<String, String> userInfo) {
    }

    /** {@code userId} hung up. */
    default void hungUpByUser(CallSession session, long userId, Map<String, String> userInfo) {
    }

    /** {@code userId} did not answer within the answer time interval. */
    default void userDidNotRespond(CallSession session, long userId) {
    }

    /** The session closed: every peer connection in it ended. */
    default void sessionClosed(CallSession session) {
    }

    /** A periodic stats report for the connection to {@code userId}; see {@link CallConfig#statsReportInterval()}. */
    default void statsReportUpdated(CallSession session, long userId, StatsReport report) {
    }

    /** The session's state changed. */
    default void sessionStateChanged(CallSession session, SessionState state) {
    }

    /** Audio from {@code userId} arrived; it plays on the speaker by itself. */
    default void remoteAudioTrackReceived(CallSession session, long userId, AudioTrack track) {
    }

    /** Video from {@code userId} arrived; show it in a view. */
    default void remoteVideoTrackReceived(CallSession session, long userId, VideoTrack track) {
    }

    /** The peer connection to {@code userId} started connecting. */
    default void startedConnectingToUser(CallSession session, long userId) {
    }

    /** The peer connection to {@code userId} is established. */
    default void connectedToUser(CallSession session, long userId) {
    }

    /** The peer connection to {@code userId} failed. */
    default void connectionFailedForUser(CallSession session, long userId) {
    }

    /** The connection to {@code userId} was lost; it may come back. */
    default void disconnectedFromUser(CallSession session, long userId) {
    }

    /** The connection to {@code userId} changed state. */
    default void connectionStateChanged(CallSession session, long userId, ConnectionState state) {
    }

    /** The peer connection to {@code userId} closed. */
    default void connectionClosedForUser(CallSession session, long userId) {
    }

    /**
     * An attempt to restore the lost connection to {@code userId} progressed:
     * {@link ReconnectionState#RECONNECTING} when the connection is lost (ICE disconnected or
     * failed), then {@link ReconnectionState#RECONNECTED} when it is back (by itself, or after
     * an ICE restart over signaling), or {@link ReconnectionState#FAILED} when the disconnect
     * time interval ran out first and the connection closes with
     * {@link ConnectionState#DISCONNECT_TIMEOUT}.
     */
    default void reconnectionStateChanged(CallSession session, long userId, ReconnectionState state) {
    }

    /**
     * The signaling connection went down, came back, or closed (not part of the QuickBlox
     * delegate). While it is {@link SignalingState#DISCONNECTED} calls cannot be started,
     * answered or ended, but media of connected calls keeps flowing.
     */
    default void signalingStateChanged(SignalingState state) {
    }

    /**
     * Someone else now speaks in {@code session}: {@code userId} is a participant or the local
     * user. A participant counts as speaking after a fifth of a second of voice and keeps the
     * floor through short pauses and against quieter voices, so the highlight does not flicker.
     */
    default void activeSpeakerChanged(CallSession session, long userId) {
    }

    /**
     * The microphone or the speaker in use changed without being asked: the one in use was
     * unplugged, or the system default changed while this client follows it. {@code device} is
     * the one used now (the system default); calls go on with it.
     */
    default void audioDeviceChanged(AudioDevice device) {
    }
}
