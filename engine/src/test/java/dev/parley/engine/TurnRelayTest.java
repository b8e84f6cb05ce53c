package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.servers.Coturn;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Calls whose media must go through a real coturn. */
@ExtendWith(Servers.class)
class TurnRelayTest {

    private final CallHarness harness = CallHarness.realTime();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void relayOnlyCallConnectsThroughTurnAndCarriesVideo(Coturn turn) {
        for (long id : new long[] {111, 222}) {
            harness.client(id, b -> b.iceServer(turn.iceServer()).relayOnly(true)
                    .statsReportInterval(Duration.ofMillis(500)));
        }
        harness.autoAccept(222, Map.of());

        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());

        harness.log(111).awaitEvent("connectedToUser 222");
        harness.log(222).awaitEvent("remoteVideoTrackReceived 111");
        FrameProbe probe = new FrameProbe();
        harness.log(222).receivedSessions().get(0).remoteVideoTrack(111).orElseThrow().addSink(probe);
        EventLog.await(() -> probe.frames() >= 20, Duration.ofSeconds(5), () -> probe.frames() + " relayed frames");
        assertThat(probe.patternMismatch(48)).isEmpty();
        EventLog.await(() -> harness.log(111).lastStats() != null
                && harness.log(111).lastStats().candidatePair().contains("relay"), Duration.ofSeconds(5),
                () -> "a relayed candidate pair in " + harness.log(111).lastStats());
        call.hangUp(Map.of());
        harness.log(222).awaitEvent("sessionClosed");
    }

    @Test
    void relayOnlyWithoutATurnServerIsRefusedUpFront() {
        assertThatThrownBy(() -> CallConfig.builder().iceServer(IceServer.stun("stun:127.0.0.1:3478"))
                .relayOnly(true).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relayOnly needs a TURN server");
    }
}
