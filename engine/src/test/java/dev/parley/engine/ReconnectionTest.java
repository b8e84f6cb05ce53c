package dev.parley.engine;

import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real faults in real calls: Bob runs in a process of his own inside a network namespace, and
 * the test cuts his media with nftables (his XMPP connection stays up) while Alice, in this
 * JVM, watches through her listener and her received video. Both talk through a real Prosody.
 */
@ExtendWith(Servers.class)
class ReconnectionTest {

    private static final long ALICE = 7101;
    private static final long BOB = 7102;
    private static final Duration DISCONNECT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static FaultNetwork network;
    private CallHarness harness;
    private SignalTap alicesSignals;
    private RemotePeer bob;

    @BeforeAll
    static void network() {
        network = FaultNetwork.create("reconnect");
    }

    @AfterAll
    static void removeNetwork() {
        if (network != null) {
            network.close();
        }
    }

    @AfterEach
    void stop() {
        network.heal();
        if (bob != null) {
            bob.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void mediaDropShorterThanTheDisconnectIntervalRecoversThroughAnIceRestart() throws Exception {
        CallSession call = connectedCall();
        FrameTimes fromBob = framesFromBob(call);
        int aliceMark = harness.log(ALICE).events().size();
        int bobMark = bob.events().size();
        long[] reconnectedAt = new long[1];
        harness.existing(ALICE).addListener(new CallListener() {
            @Override
            public void reconnectionStateChanged(CallSession session, long userId, ReconnectionState state) {
                reconnectedAt[0] = System.nanoTime();
            }
        });

        long cutAt = System.nanoTime();
        network.cutMedia();
        // Hold the cut until an ICE restart has crossed signaling (and for 9 s at least), so that
        // the restart, not the old candidate pair, is what brings the media back.
        Waits.until(() -> alicesSignals.count("sent update offer") + alicesSignals.count("received update offer") > 0
                && alicesSignals.count("sent update answer") + alicesSignals.count("received update answer") > 0,
                WAIT, () -> "an ICE-restart offer and answer in " + alicesSignals.seen());
        Thread.sleep(Math.max(0, 9_000 - millisSince(cutAt)));
        long healedAt = System.nanoTime();
        network.heal();

        harness.log(ALICE).awaitEvent("reconnectionStateChanged " + BOB + " RECONNECTED");
        bob.awaitEvent("reconnectionStateChanged " + ALICE + " RECONNECTED", WAIT);
        Waits.until(() -> fromBob.firstAfter(healedAt).isPresent(), WAIT, () -> "a frame from Bob after the heal");
        long toFirstFrame = fromBob.firstAfter(healedAt).getAsLong() - healedAt;
        System.out.printf("media drop of %d ms: reconnected %d ms, video back %d ms after the path%n",
                millisSince(cutAt) - millisSince(healedAt), (reconnectedAt[0] - healedAt) / 1_000_000, toFirstFrame / 1_000_000);

        List<String> reconnection = List.of("DISCONNECTED", "disconnectedFromUser", "RECONNECTING", "CONNECTED",
                "connectedToUser", "RECONNECTED");
        assertThat(simplified(harness.log(ALICE).events().subList(aliceMark, harness.log(ALICE).events().size())))
                .containsExactlyElementsOf(reconnection);
        assertThat(simplified(bob.events().subList(bobMark, bob.events().size()))).containsExactlyElementsOf(reconnection);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(toFirstFrame).isLessThan(Duration.ofSeconds(3).toNanos());
        long bobHad = bob.frames(ALICE);
        Waits.until(() -> bob.frames(ALICE) > bobHad + 10, WAIT, () -> "Bob receiving Alice's video again");
    }

    @Test
    void mediaDropLongerThanTheDisconnectIntervalClosesTheSessionCleanly() {
        CallSession call = connectedCall();
        int aliceMark = harness.log(ALICE).events().size();
        int bobMark = bob.events().size();

        network.cutMedia();
        // ICE notices the loss after about 6 s, and the disconnect interval of 10 s runs from then
        EventLog.await(() -> harness.log(ALICE).events().contains("sessionClosed"), Duration.ofSeconds(30),
                () -> "Alice's session closing in " + harness.log(ALICE).events());
        bob.awaitEvent("sessionClosed", WAIT);

        List<String> timedOut = List.of("DISCONNECTED", "disconnectedFromUser", "RECONNECTING", "FAILED",
                "DISCONNECT_TIMEOUT", "connectionClosedForUser", "sessionStateChanged CLOSED", "sessionClosed");
        assertThat(simplified(harness.log(ALICE).events().subList(aliceMark, harness.log(ALICE).events().size())))
                .containsExactlyElementsOf(timedOut);
        assertThat(simplified(bob.events().subList(bobMark, bob.events().size()))).containsExactlyElementsOf(timedOut);
        assertThat(call.state()).isEqualTo(SessionState.CLOSED);
        assertThat(call.connectionState(BOB)).isEqualTo(ConnectionState.DISCONNECT_TIMEOUT);
        assertThat(harness.existing(ALICE).sessions()).isEmpty();
        // nothing native but the client's factory and audio module is left, on either side
        assertThat(NativeTracker.snapshot()).isEqualTo(Map.of("audio device module", 1, "peer connection factory", 1));
        assertThat(bob.natives()).isEqualTo(Map.of("audio device module", 1, "peer connection factory", 1));
        harness.close();
        harness = null;
        assertThat(NativeTracker.snapshot()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("parley-") && t.isAlive()
                && !t.getName().startsWith("parley-test"));
    }

    @Test
    void parleyAndTheQuickBloxJsSdkReconnectAfterAMediaDrop(QuickBloxBrowser browser) throws Exception {
        // both orders: the lower id is the polite side of an offer collision
        for (long[] ids : new long[][] {{7201, 7202}, {7212, 7211}}) {
            long parleyId = ids[0];
            long jsId = ids[1];
            QuickBloxBrowser.Peer js = browser.open(network.prosody, jsId);
            try (RemotePeer parley = network.remotePeer(parleyId, "--disconnect", "20")) {
                parley.call(List.of(jsId), ConferenceType.VIDEO);
                js.await("call", Map.of(), WAIT);
                js.accept(Map.of());
                parley.awaitEvent("connectedToUser " + jsId, WAIT);
                js.await("connectionState", Map.of("userId", parleyId, "connected", true), WAIT);
                int mark = parley.events().size();

                long cutAt = System.nanoTime();
                network.cutMedia();
                parley.awaitEvent("connectionStateChanged " + jsId + " DISCONNECTED", WAIT);
                js.await("reconnect", Map.of("userId", parleyId, "state", "reconnecting"), WAIT);
                Thread.sleep(Math.max(0, 11_000 - millisSince(cutAt)));
                network.heal();

                parley.awaitEvent("reconnectionStateChanged " + jsId + " RECONNECTED", WAIT);
                js.await("reconnect", Map.of("userId", parleyId, "state", "reconnected"), WAIT);
                assertThat(simplified(parley.events().subList(mark, parley.events().size()))).containsExactly(
                        "DISCONNECTED", "disconnectedFromUser", "RECONNECTING", "CONNECTED", "connectedToUser",
                        "RECONNECTED");
                // media both ways again: the page replaced its peer connection, so its count starts anew
                long parleyHad = parley.frames(jsId);
                Waits.until(() -> parley.frames(jsId) > parleyHad + 20, WAIT, () -> "Parley receiving the page's video");
                Waits.until(() -> js.remoteVideo(parleyId).path("framesDecoded").asLong() > 20, WAIT,
                        () -> "the page decoding Parley's video");
                assertThat(js.events().findValues("type").stream().map(t -> t.asText()))
                        .doesNotContain("closed");
            } finally {
                js.close();
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Alice (here) calls Bob (in the namespace, answering by himself); returns once both are connected. */
    private CallSession connectedCall() {
        harness = CallHarness.over(userId -> {
            alicesSignals = new SignalTap(network.channel(userId));
            return alicesSignals;
        });
        harness.client(ALICE, b -> b.disconnectTimeInterval(DISCONNECT_INTERVAL));
        bob = network.remotePeer(BOB, "--auto-accept", "--disconnect", Long.toString(DISCONNECT_INTERVAL.toSeconds()));
        CallSession call = harness.call(ALICE, List.of(BOB), ConferenceType.VIDEO, Map.of());
        harness.log(ALICE).awaitEvent("connectedToUser " + BOB);
        bob.awaitEvent("connectedToUser " + ALICE, WAIT);
        // the session's own CONNECTED follows the link's: wait for it too, so that it is not taken for an event of what follows
        harness.log(ALICE).awaitEvent("sessionStateChanged CONNECTED");
        bob.awaitEvent("sessionStateChanged CONNECTED", WAIT);
        return call;
    }

    private static FrameTimes framesFromBob(CallSession call) {
        FrameTimes fromBob = new FrameTimes();
        Waits.until(() -> call.remoteVideoTrack(BOB).isPresent(), WAIT, () -> "Bob's video track");
        call.remoteVideoTrack(BOB).orElseThrow().addSink(fromBob);
        Waits.until(() -> fromBob.frames() >= 10, WAIT, () -> "10 frames from Bob");
        return fromBob;
    }

    /**
     * Event lines reduced to what differs between them: the state of a state change, the
     * callback name otherwise ({@code "connectionStateChanged 7102 CONNECTED"} → {@code CONNECTED},
     * {@code "connectedToUser 7102"} → {@code connectedToUser}); session state changes stay whole.
     */
    /** The connection story only: the page's fake microphone also makes its user the active speaker. */
    private static List<String> simplified(List<String> events) {
        return events.stream().filter(e -> !e.startsWith("activeSpeakerChanged")).map(e -> {
            String[] words = e.split(" ");
            if (words[0].equals("connectionStateChanged") || words[0].equals("reconnectionStateChanged")) {
                return words[2];
            }
            return words[0].equals("sessionStateChanged") ? e : words[0];
        }).toList();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
