package dev.parley.engine.conference;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.StatsReport;
import dev.parley.engine.VideoTrack;

/**
 * What happens in a conference, as QuickBlox's conference delegate: who publishes, the tracks
 * received from them, the state of each connection, errors, the end. Every method has an
 * empty default; override what you need.
 *
 * <p>Threading: called on the session's callback executor (the client's {@code CallConfig}
 * executor, the EDT by default), one at a time, in order.
 */
public interface ConferenceListener {

    /** {@code userId} publishes in the room (also those already there when this user joined). */
    default void participantJoined(ConferenceSession session, long userId) {
    }

    /** {@code userId} stopped publishing or left the room. */
    default void participantLeft(ConferenceSession session, long userId) {
    }

    default void remoteVideoTrackReceived(ConferenceSession session, long userId, VideoTrack track) {
    }

    default void remoteAudioTrackReceived(ConferenceSession session, long userId, AudioTrack track) {
    }

    /**
     * The connection that carries {@code userId}'s media changed: the local user's own
     * publisher connection (their own id) or a subscription.
     */
    default void connectionStateChanged(ConferenceSession session, long userId, ConnectionState state) {
    }

    /**
     * The connection that carries {@code userId}'s media (the local user's id: their
     * publication) lost its path or the connection to Janus dropped
     * ({@link ReconnectionState#RECONNECTING}), came back ({@code RECONNECTED}: by itself, after
     * an ICE restart, or subscribed again after Janus returned), or did not come back within the
     * {@code disconnectTimeInterval} ({@code FAILED}).
     */
    default void reconnectionStateChanged(ConferenceSession session, long userId, ReconnectionState state) {
    }

    /**
     * {@code userId} is the one speaking now (the local user included), with the same
     * hysteresis as calls: a voice counts after 200 ms, pauses do not end it, a louder voice
     * takes over after a second.
     */
    default void activeSpeakerChanged(ConferenceSession session, long userId) {
    }

    /**
     * A periodic stats report of the connection that carries {@code userId}'s media (the local
     * user's id: what they send); see {@link dev.parley.engine.CallConfig#statsReportInterval()}.
     */
    default void statsReportUpdated(ConferenceSession session, long userId, StatsReport report) {
    }

    /** Janus reported a failure that did not come from a request of this user (a lost handle, a hang-up). */
    default void errorReceived(ConferenceSession session, JanusException error) {
    }

    /** The session left the room and released its media. */
    default void sessionClosed(ConferenceSession session) {
    }
}
