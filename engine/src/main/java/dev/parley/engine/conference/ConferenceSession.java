package dev.parley.engine.conference;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.LocalMediaStream;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.conference.internal.VideoRoom;
import dev.parley.engine.internal.call.ActiveSpeaker;
import dev.parley.engine.internal.call.IceState;
import dev.parley.engine.internal.call.PeerConnectionPort;
import dev.parley.engine.internal.rtc.LocalMedia;
import dev.parley.engine.internal.rtc.MediaBridge;
import dev.parley.engine.internal.rtc.RtcEngine;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.HashMap;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user in one Janus video room, as QuickBlox's {@code QBRTCConferenceSession}: publish the
 * local media with {@link #joinAsPublisher()}, receive a participant with
 * {@link #subscribeToParticipant}, {@link #leave()} at the end. Publisher ids are Parley user
 * ids, so participants are named by their user ids. Each publication and each subscription is
 * a peer connection of its own through Janus (an SFU: everyone uploads once).
 *
 * <p>Threading: thread safe. {@link #joinAsPublisher()}, {@link #subscribeToParticipant} and
 * {@link #leave()} block until Janus answers (at most the request timeout): call them off the
 * EDT. Listener events come on the callback executor.
 */
public final class ConferenceSession {

    private static final Logger log = LoggerFactory.getLogger(ConferenceSession.class);
    private static final Duration SPEAKER_TICK = Duration.ofMillis(100);

    private final ConferenceClient client;
    private final long room;
    private final ConferenceType type;
    private final RtcEngine rtc;
    private final VideoRoom videoRoom;
    private final LocalMedia media;
    private final LocalMediaStream stream;
    private final List<ConferenceListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> publishers = ConcurrentHashMap.newKeySet();
    private final Map<Long, Feed> subscriptions = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Feed publication;
    private volatile Runnable stopWatching = () -> { };
    private final ActiveSpeaker speakers = new ActiveSpeaker();
    private final ScheduledFuture<?> speakerTicks;
    private volatile long activeSpeaker = -1;

    ConferenceSession(ConferenceClient client, long room, ConferenceType type) {
        this.client = client;
        this.room = room;
        this.type = type;
        this.rtc = client.rtc();
        this.videoRoom = new VideoRoom(client.janus(), client.janusSession());
        String id = "room-" + room + "-" + client.userId();
        this.media = rtc.call(() -> new LocalMedia(rtc, client.settings().config(), client.userId(), id, type));
        this.stream = MediaBridge.localMediaStream(media, rtc, id);
        this.speakerTicks = client.every(SPEAKER_TICK, this::speakerTick);
    }

    /** The room. */
    public String roomId() {
        return Long.toString(room);
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
        long handle = videoRoom.attach();
        Feed feed = new Feed(client.userId(), handle);
        publication = feed;
        stopWatching = videoRoom.watch(handle, this::roomChanged);
        try {
            String offer = await(ready -> rtc.execute(() -> {
                feed.connection = media.connect(client.userId(), feed);
                feed.connection.offer(false, ready::complete);
            }), "make the publisher's offer");
            VideoRoom.Published published = videoRoom.publish(handle, room, client.userId(),
                    type == ConferenceType.VIDEO, offer);
            rtc.execute(() -> feed.connection.applyAnswer(published.answerSdp()));
            roomChanged(new VideoRoom.Change(published.publishers(), List.of()));
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
        long handle = videoRoom.attach();
        Feed feed = new Feed(userId, handle);
        subscriptions.put(userId, feed);
        try {
            String offer = videoRoom.subscribe(handle, room, userId);
            String answer = await(ready -> rtc.execute(() -> {
                feed.connection = media.connect(userId, feed);
                feed.connection.answer(offer, ready::complete);
            }), "answer the subscription to user " + userId);
            videoRoom.start(handle, room, answer);
        } catch (RuntimeException e) {
            subscriptions.remove(userId);
            feed.close();
            throw e;
        }
    }

    /** Stops receiving {@code userId}; nothing when not subscribed. */
    public void unsubscribeFromParticipant(long userId) {
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
        speakerTicks.cancel(false);
        subscriptions.values().forEach(Feed::close);
        subscriptions.clear();
        Feed feed = publication;
        publication = null;
        stopWatching.run();
        if (feed != null) {
            try {
                videoRoom.leave(feed.handle);
            } catch (JanusException e) {
                log.info("conference: leaving room {} said: {}", room, e.getMessage());
            }
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

    /** Who speaks now, the local user included, or empty before anyone has. */
    public OptionalLong activeSpeaker() {
        long speaker = activeSpeaker;
        return speaker < 0 ? OptionalLong.empty() : OptionalLong.of(speaker);
    }

    /** Ten times a second: who is speaking, from the levels of everyone this user hears and sends. */
    private void speakerTick() {
        if (closed.get()) {
            return;
        }
        Map<Long, Double> levels = new HashMap<>();
        if (publication != null) {
            levels.put(client.userId(), media.localAudioLevel());
        }
        subscriptions.forEach((userId, feed) -> {
            if (feed.audio != null) {
                levels.put(userId, feed.audio.level());
            }
        });
        speakers.update(levels, System.nanoTime()).ifPresent(speaker -> {
            activeSpeaker = speaker;
            fire(l -> l.activeSpeakerChanged(this, speaker));
        });
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

    private String await(Consumer<CompletableFuture<String>> start, String what) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        start.accept(ready);
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

    /** Who started publishing and who left, as the room tells this user's publisher handle. */
    private void roomChanged(VideoRoom.Change change) {
        if (closed.get()) {
            return;
        }
        for (long userId : change.joined()) {
            if (userId != client.userId() && publishers.add(userId)) {
                fire(l -> l.participantJoined(this, userId));
            }
        }
        for (long userId : change.left()) {
            if (publishers.remove(userId)) {
                Feed gone = subscriptions.remove(userId);
                fire(l -> l.participantLeft(this, userId));
                if (gone != null) {
                    // detaching waits for Janus, whose next message cannot come while this one is handled
                    client.later(gone::close);
                }
            }
        }
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

    /** One peer connection through Janus: this user's publication, or a subscription to a user. */
    private final class Feed implements PeerConnectionPort.Events {
        final long userId;
        final long handle;
        volatile PeerConnectionPort connection;
        volatile VideoTrack video;
        volatile AudioTrack audio;
        private final AtomicBoolean ended = new AtomicBoolean();

        Feed(long userId, long handle) {
            this.userId = userId;
            this.handle = handle;
        }

        @Override
        public void iceStateChanged(IceState state) {
            fire(l -> l.connectionStateChanged(ConferenceSession.this, userId, stateOf(state)));
        }

        @Override
        public void transportFailed() {
            fire(l -> l.connectionStateChanged(ConferenceSession.this, userId, ConnectionState.FAILED));
        }

        @Override
        public void remoteVideoTrackReceived(VideoTrack track) {
            if (userId != client.userId()) {
                video = track;
                fire(l -> l.remoteVideoTrackReceived(ConferenceSession.this, userId, track));
            }
        }

        @Override
        public void remoteAudioTrackReceived(AudioTrack track) {
            if (userId != client.userId()) {
                audio = track;
                fire(l -> l.remoteAudioTrackReceived(ConferenceSession.this, userId, track));
            }
        }

        @Override
        public void localCandidates(List<Signal.IceCandidate> candidates) {
            for (Signal.IceCandidate candidate : candidates) {
                try {
                    videoRoom.trickle(handle, candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex());
                } catch (JanusException e) {
                    fire(l -> l.errorReceived(ConferenceSession.this, e));
                }
            }
        }

        @Override
        public void exchangeFailed(String step, String error) {
            JanusException failure = new JanusException("the connection for user " + userId + " failed to " + step
                    + ": " + error, 0);
            fire(l -> l.errorReceived(ConferenceSession.this, failure));
        }

        /** Closes the peer connection and detaches the handle. Idempotent. */
        void close() {
            if (ended.getAndSet(true)) {
                return;
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
            try {
                videoRoom.detach(handle);
            } catch (JanusException e) {
                log.debug("conference: detaching handle {}: {}", handle, e.getMessage());
            }
        }
    }
}
