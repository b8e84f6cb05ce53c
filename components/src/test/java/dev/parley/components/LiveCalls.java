package dev.parley.components;

import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.signaling.LocalSignalingHub;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Real calls for widget tests: real engine clients on an in-process hub, callbacks on the EDT
 * (the default a Swing application keeps), test-pattern video, headless audio.
 */
final class LiveCalls implements AutoCloseable {

    private final LocalSignalingHub hub = new LocalSignalingHub();
    private final Map<Long, CallClient> clients = new LinkedHashMap<>();
    private final Map<Long, List<CallSession>> received = new LinkedHashMap<>();

    CallClient client(long userId) {
        return client(userId, UnaryOperator.identity());
    }

    CallClient client(long userId, UnaryOperator<CallConfig.Builder> settings) {
        CallClient client = CallClient.create(hub.channel(userId),
                settings.apply(CallConfig.builder().audioDeviceMode(AudioDeviceMode.HEADLESS)).build());
        List<CallSession> sessions = new CopyOnWriteArrayList<>();
        client.addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                sessions.add(session);
            }
        });
        clients.put(userId, client);
        received.put(userId, sessions);
        return client;
    }

    CallClient get(long userId) {
        return clients.get(userId);
    }

    /** Makes {@code userId} accept every call with a test pattern. */
    void autoAccept(long userId) {
        clients.get(userId).addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                session.acceptCall(Map.of());
            }
        });
    }

    /** Starts a video call from {@code from} with a test pattern. */
    CallSession call(long from, List<Long> to) {
        CallSession session = clients.get(from).createSession(new ArrayList<>(to), ConferenceType.VIDEO);
        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        session.startCall(Map.of());
        return session;
    }

    /** The first session {@code userId} received, waiting for it. */
    CallSession received(long userId) {
        await(() -> !received.get(userId).isEmpty(), Duration.ofSeconds(10), () -> "a call at " + userId);
        return received.get(userId).get(0);
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        Waits.until(condition, timeout, what);
    }

    @Override
    public void close() {
        clients.values().forEach(CallClient::close);
        hub.close();
    }
}
