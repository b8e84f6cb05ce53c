package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import dev.parley.engine.xmpp.XmppSignaling;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The XMPP server goes away in the middle of a call and comes back: media, which flows peer to
 * peer, must not notice; signaling must reconnect by itself; and the call must still end
 * properly afterwards. Each test has a Prosody of its own, since it stops it.
 */
@ExtendWith(Servers.class)
class SignalingOutageTest {

    private static final long ALICE = 7301;
    private static final long BOB = 7302;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Prosody prosody;
    private CallHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (prosody != null) {
            prosody.close();
        }
    }

    @Test
    void serverKilledMidCallKeepsMediaAndSignalingComesBack() throws Exception {
        outageMidCall(Prosody::kill);
    }

    @Test
    void serverShutDownMidCallKeepsMediaAndSignalingComesBack() throws Exception {
        outageMidCall(Prosody::stop);
    }

    private void outageMidCall(Consumer<Prosody> takeDown) throws Exception {
        prosody = Prosody.start();
        harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
        CallClient alice = harness.client(ALICE);
        CallClient bob = harness.client(BOB);
        harness.autoAccept(BOB, Map.of());
        CallSession call = harness.call(ALICE, List.of(BOB), ConferenceType.VIDEO, Map.of());
        harness.log(ALICE).awaitEvent("connectedToUser " + BOB);
        harness.log(BOB).awaitEvent("connectedToUser " + ALICE);
        CallSession bobsCall = bob.sessions().get(0);
        FrameTimes atAlice = watch(call, BOB);
        FrameTimes atBob = watch(bobsCall, ALICE);

        takeDown.accept(prosody);
        harness.log(ALICE).awaitEvent("signalingStateChanged DISCONNECTED");
        harness.log(BOB).awaitEvent("signalingStateChanged DISCONNECTED");
        long outageFrom = System.nanoTime();
        Thread.sleep(5_000);
        long outageTo = System.nanoTime();
        prosody.startAgain();

        // 5 s of 30 fps video, both ways, while the server was away
        assertThat(atAlice.between(outageFrom, outageTo)).isGreaterThanOrEqualTo(120);
        assertThat(atBob.between(outageFrom, outageTo)).isGreaterThanOrEqualTo(120);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(call.connectionState(BOB)).isEqualTo(ConnectionState.CONNECTED);

        harness.log(ALICE).awaitEvent("signalingStateChanged CONNECTED");
        harness.log(BOB).awaitEvent("signalingStateChanged CONNECTED");
        assertThat(alice.signalingState()).isEqualTo(dev.parley.engine.signaling.SignalingState.CONNECTED);
        assertThat(harness.log(ALICE).events(e -> e.contains(" " + BOB + " ")))
                .noneMatch(e -> e.contains("DISCONNECTED") || e.contains("RECONNECTING"));

        call.hangUp(Map.of("reason", "after the outage"));
        harness.log(BOB).awaitEvent("hungUpByUser " + ALICE + " {reason=after the outage}");
        harness.log(BOB).awaitEvent("sessionClosed");
        harness.log(ALICE).awaitEvent("sessionClosed");
    }

    private static FrameTimes watch(CallSession session, long from) {
        Waits.until(() -> session.remoteVideoTrack(from).isPresent(), WAIT, () -> "video from " + from);
        FrameTimes frames = new FrameTimes();
        session.remoteVideoTrack(from).orElseThrow().addSink(frames);
        Waits.until(() -> frames.frames() > 10, WAIT, () -> "frames from " + from);
        return frames;
    }
}
