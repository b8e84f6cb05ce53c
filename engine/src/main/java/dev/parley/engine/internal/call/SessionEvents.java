package dev.parley.engine.internal.call;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.SessionState;
import dev.parley.engine.StatsReport;
import dev.parley.engine.VideoTrack;
import java.util.Map;

/**
 * Not API. What one session tells its listeners: the session's share of
 * {@link dev.parley.engine.CallListener}, without the session argument, which the API's
 * {@code CallSession} adds when it hands the events on.
 *
 * <p>Threading: called on the engine thread; implementations pass the events to the listeners'
 * executor, in order.
 */
public interface SessionEvents {
    void received(Map<String, String> userInfo);

    void acceptedByUser(long userId, Map<String, String> userInfo);

    void rejectedByUser(long userId, Map<String, String> userInfo);

    void hungUpByUser(long userId, Map<String, String> userInfo);

    void userDidNotRespond(long userId);

    void sessionStateChanged(SessionState state);

    void sessionClosed();

    void statsReportUpdated(long userId, StatsReport report);

    void remoteAudioTrackReceived(long userId, AudioTrack track);

    void remoteVideoTrackReceived(long userId, VideoTrack track);

    void startedConnectingToUser(long userId);

    void connectedToUser(long userId);

    void connectionFailedForUser(long userId);

    void disconnectedFromUser(long userId);

    void connectionStateChanged(long userId, ConnectionState state);

    void connectionClosedForUser(long userId);

    void reconnectionStateChanged(long userId, ReconnectionState state);

    void activeSpeakerChanged(long userId);
}
