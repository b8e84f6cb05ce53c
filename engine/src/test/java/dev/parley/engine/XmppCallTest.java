package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.signaling.Signal;
import dev.parley.engine.signaling.SignalingState;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import dev.parley.engine.xmpp.XmppSignaling;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two Parley clients calling each other through a real Prosody. */
@ExtendWith(Servers.class)
class XmppCallTest {

    private CallHarness harness;
    private Prosody privateServer;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (privateServer != null) {
            privateServer.close();
        }
    }

    @Test
    void videoCallThroughProsodyConnectsShowsThePatternAndHangsUp(Prosody prosody) {
        harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
        harness.client(111, b -> b.statsReportInterval(Duration.ofMillis(500)));
        harness.client(222, b -> b.statsReportInterval(Duration.ofMillis(500)));

        CallScenarios.acceptedVideoCallThenHangUp(harness, 111, 222);
    }

    @Test
    void threePartyMeshThroughProsodyConnectsEveryPairWithVideo(Prosody prosody) {
        harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
        long[] users = {611, 622, 633};
        for (long id : users) {
            harness.client(id);
        }
        harness.autoAccept(622, Map.of());
        harness.autoAccept(633, Map.of());

        CallSession call = harness.call(611, List.of(622L, 633L), ConferenceType.VIDEO, Map.of());

        List<CallSession> sessions = GroupCallTest.awaitFullMesh(harness, users, call);
        for (int i = 0; i < users.length; i++) {
            for (long other : users) {
                if (other != users[i]) {
                    CallSession session = sessions.get(i);
                    EventLog.await(() -> session.remoteVideoTrack(other).isPresent(), Duration.ofSeconds(10),
                            () -> "video of " + other);
                    FrameProbe probe = new FrameProbe();
                    session.remoteVideoTrack(other).orElseThrow().addSink(probe);
                    EventLog.await(() -> probe.frames() >= 10, Duration.ofSeconds(10), () -> probe.frames() + " frames");
                    assertThat(probe.patternMismatch(48)).isEmpty();
                }
            }
        }
        call.hangUp(Map.of());
        harness.log(622).awaitEvent("hungUpByUser 611 {}");
        assertThat(sessions.get(1).connectionState(633)).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void lostServerIsReportedSendsFailAndARingingCallGetsThroughAfterReconnect(Prosody shared) {
        // a server of its own, since this test stops it; the shared one proves Prosody can run here
        privateServer = Prosody.start();
        harness = CallHarness.over(userId -> XmppSignaling.connect(privateServer.user(userId).build()));
        CallClient alice = harness.client(111, b -> b.dialingTimeInterval(Duration.ofSeconds(3)));
        harness.client(222);
        harness.autoAccept(222, Map.of());

        privateServer.stop();

        EventLog.await(() -> alice.signalingState() == SignalingState.DISCONNECTED, Duration.ofSeconds(10),
                () -> "alice's signaling to go down, is " + alice.signalingState());
        harness.log(111).awaitEvent("signalingStateChanged DISCONNECTED");
        Signal.Header header = new Signal.Header("s", ConferenceType.VIDEO, 111, List.of(222L), "java");
        assertThatThrownBy(() -> alice.channel().send(222, new Signal.HangUp(header, Map.of())))
                .isInstanceOf(SignalingException.class).hasMessageContaining("is down");

        // Ringing while the server is away: the repeated call goes out once the connection is back.
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        privateServer.startAgain();

        harness.log(111).awaitEvent("signalingStateChanged CONNECTED");
        harness.log(111).awaitEvent("connectedToUser 222");
        harness.log(222).awaitEvent("connectedToUser 111");
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        call.hangUp(Map.of());
        harness.log(222).awaitEvent("sessionClosed");
    }
}
