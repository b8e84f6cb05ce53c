package dev.parley.engine;

import dev.parley.engine.internal.XmlNames;
import dev.parley.engine.internal.call.ClientCore;
import dev.parley.engine.internal.call.ListenerDispatcher;
import dev.parley.engine.internal.call.SessionCore;
import dev.parley.engine.internal.call.SessionEvents;
import dev.parley.engine.internal.rtc.LocalMedia;
import dev.parley.engine.internal.rtc.RtcEngine;
import dev.parley.engine.signaling.Signal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One call, outgoing or incoming, 1:1 or with up to three opponents, as QuickBlox's
 * {@code QBRTCSession}. Create an outgoing one with {@link CallClient#createSession} and
 * {@link #startCall}; an incoming one arrives in {@link CallListener#sessionReceived} and is
 * answered with {@link #acceptCall} or {@link #rejectCall}. {@link #hangUp} ends it.
 *
 * <p>Lifecycle: {@link SessionState#NEW} → {@code PENDING} → {@code CONNECTING} →
 * {@code CONNECTED} → {@code CLOSED}. The session closes when every connection in it has
 * ended, and then releases its local media; it is never reused.
 *
 * <p>Threading: all methods are thread safe and may be called from listener callbacks. State
 * reads return the latest state the engine has reached; the corresponding events follow on
 * the callback executor.
 */
public final class CallSession {

    private final RtcEngine rtc;
    private final Signal.Header header;
    private final long localUserId;
    private final SessionCore core;
    private final LocalMediaStream localMedia;

    /** Makes the session with its logic and its local media; on the engine thread. */
    CallSession(ClientCore<CallSession> client, RtcEngine rtc, ListenerDispatcher dispatcher, Signal.Header header,
            boolean incoming) {
        this.rtc = rtc;
        this.header = header;
        this.localUserId = client.localUserId();
        LocalMedia media = new LocalMedia(rtc, client.config(), localUserId, header.sessionId(), header.conferenceType());
        this.localMedia = new LocalMediaStream(media, rtc, header.sessionId());
        this.core = new SessionCore(client, header, incoming, new Events(dispatcher), media);
    }

    SessionCore core() {
        return core;
    }

    /** The session id, shared by every participant (a UUID for sessions Parley starts). */
    public String id() {
        return header.sessionId();
    }

    /** The user who started the call. */
    public long initiatorId() {
        return header.initiatorId();
    }

    /** Everyone the initiator called (not the initiator). */
    public List<Long> opponentIds() {
        return header.opponentIds();
    }

    /** Video or audio only. */
    public ConferenceType conferenceType() {
        return header.conferenceType();
    }

    /** The local user of this session. */
    public long localUserId() {
        return localUserId;
    }

    /** Whether this session was started by someone else and received here. */
    public boolean isIncoming() {
        return core.isIncoming();
    }

    /** The session's current state. */
    public SessionState state() {
        return core.state();
    }

    /**
     * The state of the connection to {@code userId}: {@link ConnectionState#UNKNOWN} for a
     * user who is not in the session, {@link ConnectionState#NEW} before anything happened.
     */
    public ConnectionState connectionState(long userId) {
        return core.connectionState(userId);
    }

    /** The video {@code userId} sends, once it has arrived. */
    public Optional<VideoTrack> remoteVideoTrack(long userId) {
        return rtc.call(() -> core.remoteVideoTrack(userId));
    }

    /** The audio {@code userId} sends, once it has arrived. */
    public Optional<AudioTrack> remoteAudioTrack(long userId) {
        return rtc.call(() -> core.remoteAudioTrack(userId));
    }

    /**
     * Who is speaking, or spoke last, in this call: the local user or another participant
     * (changes arrive in {@link CallListener#activeSpeakerChanged}); empty until someone has.
     */
    public OptionalLong activeSpeaker() {
        return core.activeSpeaker();
    }

    /** What the local user sends: microphone and camera. */
    public LocalMediaStream localMediaStream() {
        return localMedia;
    }

    /**
     * Calls every opponent. Each gets {@code call} signals every dialing time interval until it
     * answers; one that does not answer within the answer time interval is reported through
     * {@link CallListener#userDidNotRespond}.
     *
     * @param userInfo custom data the opponents receive with the call; may be empty, not null
     * @throws IllegalStateException if this session is incoming or already started
     */
    public void startCall(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            core.startCall(info);
            return null;
        });
    }

    /**
     * Answers an incoming call: the caller gets {@link CallListener#acceptedByUser} with
     * {@code userInfo} and the connection is set up.
     *
     * @throws IllegalStateException if this session is outgoing, already answered, or closed
     *     (for example because the caller hung up meanwhile)
     */
    public void acceptCall(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            core.acceptCall(info);
            return null;
        });
    }

    /**
     * Declines an incoming call: the caller gets {@link CallListener#rejectedByUser} and this
     * session closes. Does nothing if the session already closed.
     *
     * @throws IllegalStateException if this session is outgoing or already accepted
     */
    public void rejectCall(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            core.rejectCall(info);
            return null;
        });
    }

    /**
     * Leaves the call: every other participant gets {@link CallListener#hungUpByUser} and this
     * session closes. Does nothing if it already closed.
     *
     * @param userInfo custom data the others receive; may be empty, not null
     */
    public void hangUp(Map<String, String> userInfo) {
        Map<String, String> info = copy(userInfo);
        rtc.call(() -> {
            core.hangUp(info);
            return null;
        });
    }

    private static Map<String, String> copy(Map<String, String> userInfo) {
        Objects.requireNonNull(userInfo, "userInfo (use Map.of() for none)");
        for (String key : userInfo.keySet()) {
            if (!XmlNames.isElementName(key)) {
                throw new IllegalArgumentException("userInfo key '" + key + "' cannot be signaled: keys travel as XML"
                        + " element names, so use letters, digits, '-', '_' and '.', starting with a letter or '_'");
            }
        }
        return Map.copyOf(userInfo);
    }

    @Override
    public String toString() {
        return "CallSession[" + id() + ", " + conferenceType() + ", initiator " + initiatorId() + ", opponents "
                + opponentIds() + ", " + state() + "]";
    }

    /** The session's events, handed to the listeners with this session. */
    private final class Events implements SessionEvents {
        private final ListenerDispatcher dispatcher;

        Events(ListenerDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void received(Map<String, String> userInfo) {
            dispatcher.fire(l -> l.sessionReceived(CallSession.this, userInfo));
        }

        @Override
        public void acceptedByUser(long userId, Map<String, String> userInfo) {
            dispatcher.fire(l -> l.acceptedByUser(CallSession.this, userId, userInfo));
        }

        @Override
        public void rejectedByUser(long userId, Map<String, String> userInfo) {
            dispatcher.fire(l -> l.rejectedByUser(CallSession.this, userId, userInfo));
        }

        @Override
        public void hungUpByUser(long userId, Map<String, String> userInfo) {
            dispatcher.fire(l -> l.hungUpByUser(CallSession.this, userId, userInfo));
        }

        @Override
        public void userDidNotRespond(long userId) {
            dispatcher.fire(l -> l.userDidNotRespond(CallSession.this, userId));
        }

        @Override
        public void sessionStateChanged(SessionState state) {
            dispatcher.fire(l -> l.sessionStateChanged(CallSession.this, state));
        }

        @Override
        public void sessionClosed() {
            dispatcher.fire(l -> l.sessionClosed(CallSession.this));
        }

        @Override
        public void statsReportUpdated(long userId, StatsReport report) {
            dispatcher.fire(l -> l.statsReportUpdated(CallSession.this, userId, report));
        }

        @Override
        public void remoteAudioTrackReceived(long userId, AudioTrack track) {
            dispatcher.fire(l -> l.remoteAudioTrackReceived(CallSession.this, userId, track));
        }

        @Override
        public void remoteVideoTrackReceived(long userId, VideoTrack track) {
            dispatcher.fire(l -> l.remoteVideoTrackReceived(CallSession.this, userId, track));
        }

        @Override
        public void startedConnectingToUser(long userId) {
            dispatcher.fire(l -> l.startedConnectingToUser(CallSession.this, userId));
        }

        @Override
        public void connectedToUser(long userId) {
            dispatcher.fire(l -> l.connectedToUser(CallSession.this, userId));
        }

        @Override
        public void connectionFailedForUser(long userId) {
            dispatcher.fire(l -> l.connectionFailedForUser(CallSession.this, userId));
        }

        @Override
        public void disconnectedFromUser(long userId) {
            dispatcher.fire(l -> l.disconnectedFromUser(CallSession.this, userId));
        }

        @Override
        public void connectionStateChanged(long userId, ConnectionState state) {
            dispatcher.fire(l -> l.connectionStateChanged(CallSession.this, userId, state));
        }

        @Override
        public void connectionClosedForUser(long userId) {
            dispatcher.fire(l -> l.connectionClosedForUser(CallSession.this, userId));
        }

        @Override
        public void reconnectionStateChanged(long userId, ReconnectionState state) {
            dispatcher.fire(l -> l.reconnectionStateChanged(CallSession.this, userId, state));
        }

        @Override
        public void activeSpeakerChanged(long userId) {
            dispatcher.fire(l -> l.activeSpeakerChanged(CallSession.this, userId));
        }
    }
}
