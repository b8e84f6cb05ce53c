package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lossy network: 5 % of Bob's packets, both ways, are dropped at random by nftables in his
 * network namespace (his XMPP connection is spared). A 640x480 call must still show smooth
 * video: at least 20 frames a second decoded, at full size, on both sides.
 */
@ExtendWith(Servers.class)
class PacketLossTest {

    private static final long ALICE = 7401;
    private static final long BOB = 7402;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private static FaultNetwork network;
    private CallHarness harness;
    private RemotePeer bob;

    @BeforeAll
    static void network() {
        network = FaultNetwork.create("loss");
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
    void videoStaysSmoothWithFivePercentLossOnOnePeer() throws Exception {
        harness = CallHarness.over(network::channel);
        harness.client(ALICE, b -> b.statsReportInterval(Duration.ofSeconds(1)));
        bob = network.remotePeer(BOB, "--auto-accept");
        CallSession call = harness.call(ALICE, List.of(BOB), ConferenceType.VIDEO, Map.of());
        harness.log(ALICE).awaitEvent("connectedToUser " + BOB);
        Waits.until(() -> call.remoteVideoTrack(BOB).isPresent(), WAIT, () -> "Bob's video");
        FrameTimes fromBob = new FrameTimes();
        call.remoteVideoTrack(BOB).orElseThrow().addSink(fromBob);

        network.lose(5);
        Thread.sleep(3_000); // let the congestion control settle on the lossy path
        long from = System.nanoTime();
        long bobHad = bob.frames(ALICE);
        Thread.sleep(WINDOW.toMillis());
        long to = System.nanoTime();
        double atAlice = fromBob.between(from, to) * 1e9 / (to - from);
        double atBob = (bob.frames(ALICE) - bobHad) * 1e9 / (to - from);
        StatsReport stats = harness.log(ALICE).lastStats();
        System.out.printf("5%% loss both ways on Bob's path: Alice receives %.1f fps at %s, Bob receives %.1f fps;"
                + " Alice's stats: %s%n", atAlice, fromBob.lastSize(), atBob, stats);

        assertThat(atAlice).isGreaterThanOrEqualTo(20);
        assertThat(atBob).isGreaterThanOrEqualTo(20);
        assertThat(fromBob.lastSize()).isEqualTo("640x480");
        assertThat(stats.packetsLost()).as("the rule really drops packets").isPositive();
        assertThat(call.connectionState(BOB)).isEqualTo(ConnectionState.CONNECTED);
    }
}
