package dev.parley.engine.conference;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.StatsReport;
import dev.parley.engine.LocalMediaStream;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.conference.internal.VideoRoom;
import dev.parley.engine.internal.rtc.LocalMedia;
import dev.parley.engine.internal.rtc.MediaBridge;
import dev.parley.engine.internal.rtc.RtcEngine;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user in one Janus video room, as QuickBlox's {@code QBRTCConferenceSession}: publish the
 * local media with {@link #joinAsPublisher()}, receive a participant with
 * {@link #subscribeToParticipant}, {@link #leave()} at the end. Publishers are named by their
 * Parley user ids. Each publication and each subscription is a peer connection of its own
 * through Janus (an SFU: everyone uploads once).
 *
 * <p>Reconnection: a connection whose path drops restarts ICE through Janus; when the
 * WebSocket to Janus drops, the session publishes and subscribes again once the client is
 * back. Either way {@link ConferenceListener#reconnectionStateChanged} tells: for the local
 * user's id about the publication, for another user's id about receiving them.
 *
 * <p>Threading: thread safe. {@link #joinAsPublisher()}, {@link #subscribeToParticipant} and
 * {@link #leave()} block until Janus answers (at most the request timeout): call them off the EDT.
 * Listener events come on the callback executor.
 */
public final class ConferenceSession {

    private static final Logger log = LoggerFactory.getLogger(ConferenceSession.class);

    private final ConferenceClient client;
    private final long room;
    private final ConferenceType type;
    private final RtcEngine rtc;
    private final LocalMedia media;
    private final LocalMediaStream stream;
    private final List<ConferenceListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> publishers = ConcurrentHashMap.newKeySet();
    private final Map<Long, Feed> subscriptions = new ConcurrentHashMap<>();
    private final Rejoin rejoin;
    /** Users whose video this user does not want now (out of sight), and those muted for this user. */
    private final Set<Long> videoHeld = ConcurrentHashMap.newKeySet();
    private final Set<Long> audioHeld = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Feed publication;
    private volatile Runnable stopWatching = () -> { };
    private final RoomMeters meters;

    ConferenceSession(ConferenceClient client, long room, ConferenceType type) {
        this.client = client;
        this.room = room;
        this.type = type;
        this.rtc = client.rtc();
        String id = "room-" + room + "-" + client.userId();
        this.media = rtc.call(() -> new LocalMedia(rtc, client.settings().config(), client.userId(), id, type));
        this.stream = MediaBridge.localMediaStream(media, rtc, id);
        this.rejoin = new Rejoin(this, client);
        this.meters = new RoomMeters(this, client, media, () -> publication, subscriptions.values());
    }

    /** The room. */
    public String roomId() {
        return Long.toString(room);
    }

    /** The local user, who publishes in the room under this id. */
    public long userId() {
        return client.userId();
    }

    public ConferenceType conferenceType() {
        return type;
    }

    /** What this user sends: set a capture on its video track before or after joining. */
    public LocalMediaStream localMediaStream() {
        return stream;
    }

    /** Tells {@code listener} what happens in the room. */
    public Subscription addListener(ConferenceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** The users who publish in the room now, as far as Janus has told (this user excluded). */
    public Set<Long> activePublishers() {
        return Set.copyOf(publishers);
    }

    /** {@code userId}'s video, once subscribed and received. */
    public Optional<VideoTrack> remoteVideoTrack(long userId) {
        Feed feed = subscriptions.get(userId);
        return feed == null ? Optional.empty() : Optional.ofNullable(feed.video);
    }

    /** {@code userId}'s audio, once subscribed and received. */
    public Optional<AudioTrack> remoteAudioTrack(long userId) {
        Feed feed = subscriptions.get(userId);
        return feed == null ? Optional.empty() : Optional.ofNullable(feed.audio);
    }

    /**
     * Joins the room as a publisher (with this user's id) and sends the local media through
     * Janus; those already publishing are reported as joined.
     *
     * @throws JanusException if the room does not exist, the id is taken, or Janus does not answer
     * @throws IllegalStateException if the session left already, or is published
     */
    public void joinAsPublisher() {
        requireOpen();
        if (publication != null) {
            throw new IllegalStateException("user " + client.userId() + " already publishes in room " + room);
        }
        publish();
    }

    /** Publishes on a new handle of the current connection; returns who publishes in the room. */
    private List<Long> publish() {
        VideoRoom videoRoom = client.videoRoom();
        long handle = videoRoom.attach();
        Feed feed = new Feed(this, client, client.userId(), handle, videoRoom);
        publication = feed;
        stopWatching = videoRoom.watch(handle, this::roomChanged);
        try {
            CompletableFuture<String> offer = new CompletableFuture<>();
            rtc.execute(() -> {
                feed.connection = media.connect(client.userId(), feed);
                feed.connection.offer(false, offer::complete);
            });
            VideoRoom.Published published = videoRoom.publish(handle, room, client.userId(),
                    type == ConferenceType.VIDEO, await(offer, "make the publisher's offer"));
            rtc.execute(() -> feed.connection.applyAnswer(published.answerSdp()));
            roomChanged(new VideoRoom.Change(published.publishers(), List.of()));
            return published.publishers();
        } catch (RuntimeException e) {
            stopWatching.run();
            publication = null;
            feed.close();
            throw e;
        }
    }

    /**
     * Receives {@code userId}'s media through Janus on a connection of its own; their tracks
     * come with {@code remoteVideoTrackReceived} / {@code remoteAudioTrackReceived}.
     *
     * @throws JanusException if {@code userId} does not publish in the room, or Janus does not answer
     */
    public void subscribeToParticipant(long userId) {
        requireOpen();
        if (subscriptions.containsKey(userId)) {
            return;
        }
        VideoRoom videoRoom = client.videoRoom();
        long handle = videoRoom.attach();
        Feed feed = new Feed(this, client, userId, handle, videoRoom);
        subscriptions.put(userId, feed);
        try {
            String offer = videoRoom.subscribe(handle, room, userId);
            feed.videoMid = VideoRoom.firstMid(offer, "video");
            feed.audioMid = VideoRoom.firstMid(offer, "audio");
            CompletableFuture<String> answer = new CompletableFuture<>();
            rtc.execute(() -> {
                feed.connection = media.connect(userId, feed);
                feed.connection.answer(offer, answer::complete);
            });
            videoRoom.start(handle, room, await(answer, "answer the subscription to user " + userId));
            if (videoHeld.contains(userId)) {
                feed.sendVideo(false);
            }
            if (audioHeld.contains(userId)) {
                feed.sendAudio(false);
            }
        } catch (RuntimeException e) {
            subscriptions.remove(userId, feed);
            feed.close();
            throw e;
        }
    }

    /**
     * Receives {@code userId}'s video or holds it back at Janus (their audio plays on either
     * way): for a tile out of sight, so that it costs neither bandwidth nor decoding. Remembered
     * for a subscription made later and across reconnections. Blocks while Janus answers.
     *
     * @throws JanusException if Janus refuses or does not answer
     */
    public void setRemoteVideoEnabled(long userId, boolean enabled) {
        hold(videoHeld, userId, enabled, Feed::sendVideo);
    }

    /** Whether {@code userId}'s video is received (true unless held back with {@link #setRemoteVideoEnabled}). */
    public boolean isRemoteVideoEnabled(long userId) {
        return !videoHeld.contains(userId);
    }

    /**
     * Hears {@code userId} or mutes them for this user only ("mute for me"): Janus holds their audio
     * back (no bandwidth, no decoding), their video plays on, the others still hear them. Remembered
     * as {@link #setRemoteVideoEnabled} is. Blocks while Janus answers.
     *
     * @throws JanusException if Janus refuses or does not answer
     */
    public void setRemoteAudioEnabled(long userId, boolean enabled) {
        hold(audioHeld, userId, enabled, Feed::sendAudio);
    }

    /** Remembers in {@code held} whether {@code userId}'s stream is wanted, and tells Janus if that changed. */
    private void hold(Set<Long> held, long userId, boolean enabled, BiConsumer<Feed, Boolean> send) {
        requireOpen();
        boolean changed = enabled ? held.remove(userId) : held.add(userId);
        Feed feed = subscriptions.get(userId);
        if (changed && feed != null) {
            send.accept(feed, enabled);
        }
    }

    /** Whether {@code userId}'s audio is received (true unless held back with {@link #setRemoteAudioEnabled}). */
    public boolean isRemoteAudioEnabled(long userId) {
        return !audioHeld.contains(userId);
    }

    /** Stops receiving {@code userId}; nothing when not subscribed. */
    public void unsubscribeFromParticipant(long userId) {
        rejoin.forget(userId);
        Feed feed = subscriptions.remove(userId);
        if (feed != null) {
            feed.close();
        }
    }

    /** Leaves the room: stops publishing and every subscription, releases the local media. Idempotent. */
    public void leave() {
        if (closed.getAndSet(true)) {
            return;
        }
        meters.stop();
        rejoin.close();
        Feed feed = publication;
        publication = null;
        stopWatching.run();
        if (feed != null) {
            // first, so that Janus tells the others at once
            try {
                feed.leaveRoom();
            } catch (JanusException e) {
                log.info("conference: leaving room {} said: {}", room, e.getMessage());
            }
        }
        subscriptions.values().forEach(Feed::close);
        subscriptions.clear();
        if (feed != null) {
            feed.close();
        }
        try {
            rtc.call(() -> {
                media.close();
                return null;
            });
        } catch (IllegalStateException e) {
            // the client's engine closed first, and the media with it
        }
        client.forget(this);
        fire(l -> l.sessionClosed(this));
    }

    // ---- reconnection (the client calls these on its reconnecting thread) ---------------

    /** The WebSocket dropped: every connection of this session went with Janus's handles. */
    void connectionLost() {
        if (closed.get()) {
            return;
        }
        stopWatching.run();
        stopWatching = () -> { };
        Feed own = publication;
        publication = null;
        if (own != null) {
            own.drop();
        }
        List<Long> received = List.copyOf(subscriptions.keySet());
        for (long userId : received) {
            Feed feed = subscriptions.remove(userId);
            if (feed != null) {
                feed.drop();
            }
        }
        rejoin.lost(own != null, received);
    }

    /** Connected again: see {@link Rejoin#rejoin}. */
    void rejoin() {
        if (!closed.get()) {
            rejoin.rejoin(Set.copyOf(publishers));
        }
    }

    /** The server did not come back in time: every connection failed, the session leaves. */
    void reconnectFailed() {
        rejoin.failed();
        leave();
    }

    /** Publishes again after a reconnection; returns who publishes in the room. */
    List<Long> publishAgain() {
        requireOpen();
        return publish();
    }

    /** A publisher known before a drop did not publish again in time. */
    void publisherGone(long userId) {
        if (!closed.get() && publishers.remove(userId)) {
            fire(l -> l.participantLeft(this, userId));
        }
    }

    /** A single connection did not come back: a subscription is dropped, a publication stays failed. */
    void connectionFailed(Feed feed) {
        if (feed != publication && subscriptions.remove(feed.userId, feed)) {
            client.later(feed::close);
        }
    }

    /** Who speaks now, the local user included, or empty before anyone has. */
    public OptionalLong activeSpeaker() {
        return meters.activeSpeaker();
    }

    @Override
    public String toString() {
        return "ConferenceSession[room=" + room + ", user=" + client.userId() + (closed.get() ? ", left" : "") + "]";
    }

    /** Whether {@link #leave()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the session in room " + room + " has left");
        }
    }

    /** Waits for {@code ready} (made on the engine's thread) at most the request timeout. */
    String await(CompletableFuture<String> ready, String what) {
        try {
            return ready.get(client.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new JanusException("could not " + what + " in time", e);
        } catch (ExecutionException e) {
            throw new JanusException("could not " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException("interrupted while trying to " + what, e);
        }
    }

    long roomNumber() {
        return room;
    }

    /** Who started publishing and who left, as the room tells this user's publisher handle. */
    private void roomChanged(VideoRoom.Change change) {
        if (closed.get()) {
            return;
        }
        for (long userId : change.joined()) {
            if (userId != client.userId() && publishers.add(userId)) {
                fire(l -> l.participantJoined(this, userId));
            }
            rejoin.published(userId);
        }
        for (long userId : change.left()) {
            rejoin.forget(userId);
            videoHeld.remove(userId);
            audioHeld.remove(userId);
            if (publishers.remove(userId)) {
                Feed gone = subscriptions.remove(userId);
                fire(l -> l.participantLeft(this, userId));
                if (gone != null) {
                    client.later(gone::close);
                }
            }
        }
    }

    // ---- events, from the feeds and the room --------------------------------------------

    void connectionStateChanged(long userId, ConnectionState state) {
        fire(l -> l.connectionStateChanged(this, userId, state));
    }

    void reconnectionStateChanged(long userId, ReconnectionState state) {
        fire(l -> l.reconnectionStateChanged(this, userId, state));
    }

    void remoteVideoTrackReceived(long userId, VideoTrack track) {
        fire(l -> l.remoteVideoTrackReceived(this, userId, track));
    }

    void remoteAudioTrackReceived(long userId, AudioTrack track) {
        fire(l -> l.remoteAudioTrackReceived(this, userId, track));
    }

    void activeSpeakerChanged(long userId) {
        fire(l -> l.activeSpeakerChanged(this, userId));
    }

    void statsReportUpdated(long userId, StatsReport report) {
        fire(l -> l.statsReportUpdated(this, userId, report));
    }

    void error(JanusException error) {
        fire(l -> l.errorReceived(this, error));
    }

    private void fire(Consumer<ConferenceListener> event) {
        client.settings().config().callbackExecutor().execute(() -> listeners.forEach(listener -> {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error("conference listener failed", e);
            }
        }));
    }
}
