package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.signaling.LocalSignalingHub;
import dev.parley.engine.testing.EventLog;
import java.awt.EventQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Listener callbacks run on the configured executor, never on a native or engine thread. */
class CallbackThreadTest {

    @Test
    void callbacksRunOnTheEventDispatchThreadByDefault() {
        List<Boolean> onEdt = new CopyOnWriteArrayList<>();
        EventLog aliceLog = new EventLog();
        try (LocalSignalingHub hub = new LocalSignalingHub();
                CallClient alice = CallClient.create(hub.channel(111),
                        CallConfig.builder().audioDeviceMode(AudioDeviceMode.HEADLESS).build());
                CallClient bob = CallClient.create(hub.channel(222),
                        CallConfig.builder().audioDeviceMode(AudioDeviceMode.HEADLESS).build())) {
            alice.addListener(aliceLog);
            alice.addListener(new CallListener() {
                @Override
                public void connectionStateChanged(CallSession session, long userId, ConnectionState state) {
                    onEdt.add(EventQueue.isDispatchThread());
                }
            });
            bob.addListener(new CallListener() {
                @Override
                public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                    onEdt.add(EventQueue.isDispatchThread());
                    session.acceptCall(Map.of());
                }
            });
            alice.createSession(List.of(222L), ConferenceType.AUDIO).startCall(Map.of());
            aliceLog.awaitEvent("connectedToUser 222");
        }
        assertThat(onEdt).hasSizeGreaterThanOrEqualTo(4).containsOnly(true);
        assertThat(aliceLog.threads()).allMatch(name -> name.startsWith("AWT-EventQueue"));
    }

    @Test
    void callbacksRunOnAConfiguredExecutorInOrder() {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "app-pool"));
        EventLog aliceLog = new EventLog();
        try (LocalSignalingHub hub = new LocalSignalingHub();
                CallClient alice = CallClient.create(hub.channel(111), CallConfig.builder()
                        .audioDeviceMode(AudioDeviceMode.HEADLESS).callbackExecutor(pool).build());
                CallClient bob = CallClient.create(hub.channel(222), CallConfig.builder()
                        .audioDeviceMode(AudioDeviceMode.HEADLESS).callbackExecutor(pool).build())) {
            alice.addListener(aliceLog);
            bob.addListener(new CallListener() {
                @Override
                public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                    session.rejectCall(Map.of());
                }
            });
            alice.createSession(List.of(222L), ConferenceType.AUDIO).startCall(Map.of());
            aliceLog.awaitEvent("sessionClosed");
        } finally {
            pool.shutdown();
        }
        // a pool of four threads still sees one event at a time, in order
        assertThat(aliceLog.threads()).containsOnly("app-pool");
        assertThat(aliceLog.events()).containsExactly("sessionStateChanged PENDING",
                "connectionStateChanged 222 PENDING", "rejectedByUser 222 {}", "connectionStateChanged 222 REJECTED",
                "connectionClosedForUser 222", "sessionStateChanged CLOSED", "sessionClosed");
    }
}
