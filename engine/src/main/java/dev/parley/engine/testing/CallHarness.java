package dev.parley.engine.testing;

import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.internal.call.ClientAccess;
import dev.parley.engine.signaling.LocalSignalingHub;
import dev.parley.engine.signaling.SignalingChannel;
import java.awt.EventQueue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * Real clients for tests of code built on Parley: real WebRTC between them, in-process
 * signaling (or channels of your choice, XMPP say), headless audio, test-pattern video, and
 * an {@link EventLog} per client recording every listener event. Optionally on a
 * {@link ManualClock}, so that a 45-second answer timeout takes no time.
 *
 * <pre>{@code
 * try (CallHarness calls = CallHarness.realTime()) {
 *     calls.client(111);
 *     calls.client(222);
 *     calls.autoAccept(222, Map.of());
 *     CallSession call = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
 *     calls.log(111).awaitEvent("connectedToUser 222");
 * }
 * }</pre>
 *
 * <p>A published testing fixture, like jdbi's: it closes every client it made, and its hub.
 *
 * <p>Threading: create clients and drive calls from the test thread. Listener callbacks run on
 * one thread of the harness ({@code parley-test-callbacks}), or on the EDT for
 * {@link #onEdt()}.
 */
public final class CallHarness implements AutoCloseable {

    private final LocalSignalingHub hub = new LocalSignalingHub();
    private final ManualClock clock = new ManualClock();
    private final ExecutorService ownCallbacks;
    private final Executor callbacks;
    private final Map<Long, CallClient> clients = new LinkedHashMap<>();
    private final Map<Long, EventLog> logs = new LinkedHashMap<>();
    private final boolean manualTime;
    private final LongFunction<SignalingChannel> channels;

    private CallHarness(boolean manualTime, LongFunction<SignalingChannel> channels, boolean onEdt) {
        this.manualTime = manualTime;
        this.channels = channels != null ? channels : hub::channel;
        this.ownCallbacks = onEdt ? null : Executors.newSingleThreadExecutor(r -> new Thread(r, "parley-test-callbacks"));
        this.callbacks = onEdt ? EventQueue::invokeLater : ownCallbacks;
    }

    /** Clients whose timers run on real time. */
    public static CallHarness realTime() {
        return new CallHarness(false, null, false);
    }

    /** Clients whose timers run on {@link #clock()}: time moves only with {@link #advance}. */
    public static CallHarness manualTime() {
        return new CallHarness(true, null, false);
    }

    /** Real-time clients whose signaling channels come from {@code channels} (XMPP, say) instead of the hub. */
    public static CallHarness over(LongFunction<SignalingChannel> channels) {
        return new CallHarness(false, channels, false);
    }

    /** Real-time clients whose listener callbacks run on the EDT, as a Swing application's do: for widget tests. */
    public static CallHarness onEdt() {
        return new CallHarness(false, null, true);
    }

    /** The in-process hub, for a channel of your own (a user who sends what Parley would not). */
    public LocalSignalingHub hub() {
        return hub;
    }

    /** The manual clock that {@link #manualTime()} clients run on. */
    public ManualClock clock() {
        return clock;
    }

    /** A client for {@code userId} with the harness's defaults. */
    public CallClient client(long userId) {
        return client(userId, UnaryOperator.identity());
    }

    /** A client for {@code userId}; {@code settings} adjusts the harness's configuration. */
    public CallClient client(long userId, UnaryOperator<CallConfig.Builder> settings) {
        CallConfig.Builder builder = CallConfig.builder().callbackExecutor(callbacks)
                .audioDeviceMode(AudioDeviceMode.HEADLESS);
        if (manualTime) {
            builder.clock(clock);
        }
        CallClient client = CallClient.create(channels.apply(userId), settings.apply(builder).build());
        EventLog log = new EventLog();
        client.addListener(log);
        clients.put(userId, client);
        logs.put(userId, log);
        return client;
    }

    /** The client made for {@code userId}, or null. */
    public CallClient existing(long userId) {
        return clients.get(userId);
    }

    /** Everything {@code userId}'s client has heard. */
    public EventLog log(long userId) {
        return logs.get(userId);
    }

    /** The first session {@code userId} received, waiting up to 10 s for it. */
    public CallSession received(long userId) {
        EventLog log = logs.get(userId);
        Waits.until(() -> !log.receivedSessions().isEmpty(), Duration.ofSeconds(10), () -> "a call at " + userId);
        return log.receivedSessions().get(0);
    }

    /** Makes {@code userId} answer every incoming call with a test pattern and {@code userInfo}. */
    public void autoAccept(long userId, Map<String, String> userInfo) {
        clients.get(userId).addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> info) {
                if (session.conferenceType() == ConferenceType.VIDEO) {
                    session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                }
                session.acceptCall(userInfo);
            }
        });
    }

    /** Starts a call from {@code from} to {@code to}, with a test pattern in a video call. */
    public CallSession call(long from, List<Long> to, ConferenceType type, Map<String, String> userInfo) {
        CallSession session = clients.get(from).createSession(to, type);
        if (type == ConferenceType.VIDEO) {
            session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        }
        session.startCall(userInfo);
        return session;
    }

    /** Moves the manual clock forward one second at a time, letting every engine finish each step. */
    public void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            settle();
        }
    }

    /** Waits until every client's engine, the listeners and the hub have handled what is in flight. */
    public void settle() {
        for (int round = 0; round < 3; round++) {
            clients.values().forEach(c -> ClientAccess.engineOf(c).call(() -> null));
            CountDownLatch listeners = new CountDownLatch(1);
            callbacks.execute(listeners::countDown);
            try {
                if (!listeners.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the listener thread is still busy after 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            hub.awaitDelivered();
        }
    }

    /** Closes every client, the hub and the listener thread. */
    @Override
    public void close() {
        clients.values().forEach(CallClient::close);
        hub.close();
        if (ownCallbacks != null) {
            ownCallbacks.shutdown();
        }
    }
}
