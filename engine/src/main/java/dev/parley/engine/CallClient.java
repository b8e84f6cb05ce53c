package dev.parley.engine;

import dev.parley.engine.internal.call.ClientAccess;
import dev.parley.engine.internal.call.ClientCore;
import dev.parley.engine.internal.call.ListenerDispatcher;
import dev.parley.engine.internal.call.SessionCore;
import dev.parley.engine.internal.call.SystemClock;
import dev.parley.engine.internal.rtc.RtcEngine;
import dev.parley.engine.signaling.Signal;
import dev.parley.engine.signaling.SignalingChannel;
import dev.parley.engine.signaling.SignalingState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: one local user's calls over one signaling channel, as QuickBlox's
 * {@code QBRTCClient}. Create it with {@link #create}, add a {@link CallListener}, then start
 * calls with {@link #createSession} and answer the ones that arrive in
 * {@link CallListener#sessionReceived}.
 *
 * <p>Lifecycle: {@link #close()} hangs up every live session, releases every native object,
 * stops the client's threads ({@code parley-rtc-USER}, {@code parley-timer-USER}) and closes the
 * signaling channel. It is idempotent; other methods throw {@link IllegalStateException}
 * afterwards.
 *
 * <p>Threading: thread safe. All WebRTC work runs on the client's engine thread; listener
 * callbacks run on the configured executor.
 */
public final class CallClient implements AutoCloseable {

    /** Most opponents one session can have: mesh calls are for 4 people at most. */
    public static final int MAX_OPPONENTS = 3;
    /** The platform Parley names in its signals. */
    public static final String PLATFORM = "java";

    private static final Logger log = LoggerFactory.getLogger(CallClient.class);

    static {
        ClientAccess.engines(client -> client.rtc);
    }

    private final SignalingChannel channel;
    private final CallConfig config;
    private final long userId;
    private final RtcEngine rtc;
    private final ListenerDispatcher dispatcher;
    private final SystemClock ownedClock;
    private final ClientCore<CallSession> core;
    private final Subscription signalSubscription;
    private final Subscription stateSubscription;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<VideoPreview> previews = ConcurrentHashMap.newKeySet();

    private CallClient(SignalingChannel channel, CallConfig config) {
        this.channel = channel;
        this.config = config;
        this.userId = channel.localUserId();
        this.dispatcher = new ListenerDispatcher(config.callbackExecutor());
        this.ownedClock = config.clock().isPresent() ? null : new SystemClock("parley-timer-" + userId);
        CallClock clock = config.clock().orElse(ownedClock);
        try {
            this.rtc = new RtcEngine("parley-rtc-" + userId, config.audioDeviceMode());
        } catch (RuntimeException e) {
            if (ownedClock != null) {
                ownedClock.close();
            }
            throw e;
        }
        rtc.execute(() -> rtc.audio().watch(device -> dispatcher.fire(listener -> listener.audioDeviceChanged(device))));
        this.core = new ClientCore<>(channel, config, clock, rtc, new ClientCore.Sessions<>() {
            @Override
            public CallSession incoming(Signal.Header header) {
                return new CallSession(core, rtc, dispatcher, header, true);
            }

            @Override
            public SessionCore coreOf(CallSession session) {
                return session.core();
            }
        });
        this.signalSubscription = channel.subscribe((from, signal) -> rtc.execute(() -> {
            if (!closed.get()) {
                core.signalReceived(from, signal);
            }
        }));
        this.stateSubscription = channel.addStateListener(state -> {
            log.info("user {}: signaling is {}", userId, state);
            dispatcher.fire(listener -> listener.signalingStateChanged(state));
            if (state == SignalingState.CONNECTED) {
                rtc.execute(core::signalingRestored);
            }
        });
    }

    /**
     * Starts a client for the user of {@code channel}: loads the WebRTC native library and
     * creates the peer connection factory. The client owns the channel and closes it.
     *
     * @throws MediaException if the native engine cannot start
     */
    public static CallClient create(SignalingChannel channel, CallConfig config) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(config, "config");
        return new CallClient(channel, config);
    }

    /** Closes {@code preview} with this client. */
    void adopt(VideoPreview preview) {
        previews.add(preview);
        if (closed.get() && previews.remove(preview)) {
            preview.close();
            throw new IllegalStateException("client of user " + userId + " is closed");
        }
    }

    void release(VideoPreview preview) {
        previews.remove(preview);
    }

    /** The engine thread and factory of this client, for the API's own classes. */
    RtcEngine rtc() {
        return rtc;
    }

    /** The local user. */
    public long userId() {
        return userId;
    }

    /** This client's configuration. */
    public CallConfig config() {
        return config;
    }

    /** Registers a listener for every session of this client; close the subscription to remove it. */
    public Subscription addListener(CallListener listener) {
        requireOpen();
        return dispatcher.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added with {@link #addListener}. */
    public void removeListener(CallListener listener) {
        dispatcher.remove(listener);
    }

    /**
     * Creates an outgoing session with 1 to {@value #MAX_OPPONENTS} opponents; nothing is sent
     * until {@link CallSession#startCall}.
     *
     * @throws IllegalArgumentException if the opponents are empty, more than
     *     {@value #MAX_OPPONENTS}, repeated, not positive, or include the local user
     */
    public CallSession createSession(List<Long> opponentIds, ConferenceType type) {
        Objects.requireNonNull(type, "type");
        List<Long> opponents = validateOpponents(opponentIds);
        requireOpen();
        Signal.Header header = new Signal.Header(UUID.randomUUID().toString(), type, userId, opponents, PLATFORM);
        return rtc.call(() -> {
            CallSession session = new CallSession(core, rtc, dispatcher, header, false);
            core.add(session);
            return session;
        });
    }

    /**
     * Records from {@code microphone} from now on, also in the middle of a call (no
     * renegotiation: the other side just hears the new device); null goes back to the system
     * default. When the chosen device is unplugged, the client moves to the default and says
     * so in {@link CallListener#audioDeviceChanged}.
     *
     * @throws IllegalArgumentException if {@code microphone} is a speaker
     * @throws MediaException if it is not plugged in, or this client has no sound devices
     *     ({@link AudioDeviceMode#HEADLESS}); nothing changes then
     */
    public void setMicrophone(AudioDevice microphone) {
        requireKind(microphone, AudioDevice.Kind.MICROPHONE);
        requireOpen();
        rtc.call(() -> {
            rtc.audio().useMicrophone(microphone);
            return null;
        });
    }

    /**
     * Plays calls on {@code speaker} from now on, also in the middle of a call; null goes back
     * to the system default.
     *
     * @throws IllegalArgumentException if {@code speaker} is a microphone
     * @throws MediaException if it is not plugged in, or this client has no sound devices
     */
    public void setSpeaker(AudioDevice speaker) {
        requireKind(speaker, AudioDevice.Kind.SPEAKER);
        requireOpen();
        rtc.call(() -> {
            rtc.audio().useSpeaker(speaker);
            return null;
        });
    }

    /** The microphone in use: the chosen one, or the system default; empty without sound devices. */
    public Optional<AudioDevice> microphone() {
        return rtc.audio().microphone();
    }

    /** The speaker in use: the chosen one, or the system default; empty without sound devices. */
    public Optional<AudioDevice> speaker() {
        return rtc.audio().speaker();
    }

    /** Whether the signaling channel can carry signals now; changes arrive in {@link CallListener#signalingStateChanged}. */
    public SignalingState signalingState() {
        return channel.state();
    }

    /** Sessions that have not closed yet. */
    public List<CallSession> sessions() {
        return core.sessions();
    }

    /** Hangs up every live session, releases everything native, stops the threads. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        List<Throwable> failures = new ArrayList<>();
        signalSubscription.close();
        stateSubscription.close();
        try {
            rtc.close(() -> {
                previews.forEach(VideoPreview::closeWithClient);
                previews.clear();
                core.hangUpAll();
            });
        } catch (RuntimeException e) {
            failures.add(e);
        }
        try {
            channel.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (ownedClock != null) {
            ownedClock.close();
        }
        if (!failures.isEmpty()) {
            CallException failure = new CallException("client of user " + userId + " did not close cleanly",
                    failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    SignalingChannel channel() {
        return channel;
    }

    private List<Long> validateOpponents(List<Long> opponentIds) {
        Objects.requireNonNull(opponentIds, "opponentIds");
        if (opponentIds.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one opponent");
        }
        if (opponentIds.size() > MAX_OPPONENTS) {
            throw new IllegalArgumentException(opponentIds.size() + " opponents " + opponentIds
                    + " is too many: a mesh call has at most " + (MAX_OPPONENTS + 1) + " participants, so at most "
                    + MAX_OPPONENTS + " opponents");
        }
        if (new HashSet<>(opponentIds).size() != opponentIds.size()) {
            throw new IllegalArgumentException("opponents " + opponentIds + " name a user twice");
        }
        for (Long id : opponentIds) {
            if (id == null || id <= 0) {
                throw new IllegalArgumentException("opponent id " + id + " is not a positive user id");
            }
            if (id == userId) {
                throw new IllegalArgumentException("user " + userId + " cannot call itself");
            }
        }
        return List.copyOf(opponentIds);
    }

    private static void requireKind(AudioDevice device, AudioDevice.Kind kind) {
        if (device != null && device.kind() != kind) {
            throw new IllegalArgumentException(device.name() + " is a " + device.kind().name().toLowerCase(Locale.ROOT)
                    + ", not a " + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the CallClient of user " + userId + " is closed");
        }
    }

    @Override
    public String toString() {
        return "CallClient[user " + userId + ", " + core.sessions().size() + " live sessions]";
    }
}
