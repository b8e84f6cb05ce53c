package dev.parley.engine;

import dev.parley.engine.signaling.LocalSignalingHub;
import dev.parley.engine.signaling.SignalingChannel;
import dev.parley.engine.testing.ManualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * Real clients on one in-process hub, each with an {@link EventLog}; optionally on a
 * {@link ManualClock}. Closes everything it made.
 */
final class CallHarness implements AutoCloseable {

    final LocalSignalingHub hub = new LocalSignalingHub();
    final ManualClock clock = new ManualClock();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-callbacks"));
    private final Map<Long, CallClient> clients = new LinkedHashMap<>();
    private final Map<Long, EventLog> logs = new LinkedHashMap<>();
    private final boolean manualTime;
    private final LongFunction<SignalingChannel> channels;

    private CallHarness(boolean manualTime, LongFunction<SignalingChannel> channels) {
        this.manualTime = manualTime;
        this.channels = channels != null ? channels : hub::channel;
    }

    /** Clients whose timers run on real time. */
    static CallHarness realTime() {
        return new CallHarness(false, null);
    }

    /** Clients whose timers run on {@link #clock}. */
    static CallHarness manualTime() {
        return new CallHarness(true, null);
    }

    /** Real-time clients whose signaling channels come from {@code channels} (XMPP, say) instead of the hub. */
    static CallHarness over(LongFunction<SignalingChannel> channels) {
        return new CallHarness(false, channels);
    }

    CallClient client(long userId) {
        return client(userId, UnaryOperator.identity());
    }

    CallClient client(long userId, UnaryOperator<CallConfig.Builder> settings) {
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

    CallClient existing(long userId) {
        return clients.get(userId);
    }

    EventLog log(long userId) {
        return logs.get(userId);
    }

    /** Makes {@code userId} answer every incoming call with a test pattern and {@code userInfo}. */
    void autoAccept(long userId, Map<String, String> userInfo) {
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

    /** Starts a call from {@code from} to {@code to} with a test pattern. */
    CallSession call(long from, List<Long> to, ConferenceType type, Map<String, String> userInfo) {
        CallSession session = clients.get(from).createSession(to, type);
        if (type == ConferenceType.VIDEO) {
            session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        }
        session.startCall(userInfo);
        return session;
    }

    /** Moves the manual clock forward one second at a time, letting every engine finish each step. */
    void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            settle();
        }
    }

    /** Waits until every client's engine and the hub have handled what is in flight. */
    void settle() {
        for (int round = 0; round < 3; round++) {
            clients.values().forEach(CallClient::awaitEngineIdle);
            try {
                callbacks.submit(() -> { }).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            hub.awaitDelivered();
        }
    }

    @Override
    public void close() {
        clients.values().forEach(CallClient::close);
        hub.close();
        callbacks.shutdown();
    }
}
