package dev.parley.engine.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.signaling.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules for incoming {@code call}s, as a table and without native code: who may ring this
 * user (111), when a call is a repeat, late, held, malformed or busy, and what the incoming
 * limit and {@code rejectWhenBusy} change. Plus the ICE-restart rules of a link that the main
 * table does not reach: who yields on crossed offers, how long a QuickBlox peer is given, and
 * a restart waiting for signaling.
 */
class AdmissionRulesTest {

    private static final long ME = 111;
    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n";

    private static Signal.Call call(String session, long initiator, List<Long> opponents, String sdp) {
        return new Signal.Call(new Signal.Header(session, ConferenceType.VIDEO, initiator, opponents, "web"), sdp, Map.of());
    }

    // from | initiator | opponents | sdp | live | sessions | ringing | rejectWhenBusy | limit | verdict
    private static final String TABLE = """
            222 | 222 | 111         | sdp  | no  | 0 | 0 | no  | 2 | NEW_SESSION
            222 | 222 | 111         | sdp  | yes | 1 | 1 | no  | 2 | TO_SESSION
            333 | 222 | 111,333     | sdp  | yes | 1 | 1 | no  | 2 | TO_SESSION
            222 | 222 | 333         | sdp  | no  | 0 | 0 | no  | 2 | NOT_FOR_US
            333 | 222 | 111         | sdp  | no  | 0 | 0 | no  | 2 | NOT_FOR_US
            111 | 111 | 111         | sdp  | no  | 0 | 0 | no  | 2 | NOT_FOR_US
            222 | 222 | 111,333,444,555 | sdp | no | 0 | 0 | no | 2 | MALFORMED
            222 | 222 | 111,111     | sdp  | no  | 0 | 0 | no  | 2 | MALFORMED
            222 | 222 | 111         | junk | no  | 0 | 0 | no  | 2 | MALFORMED
            333 | 222 | 111,333     | sdp  | no  | 0 | 0 | no  | 2 | HELD
            222 | 222 | 111         | sdp  | no  | 1 | 0 | no  | 2 | NEW_SESSION
            222 | 222 | 111         | sdp  | no  | 2 | 1 | no  | 2 | NEW_SESSION
            222 | 222 | 111         | sdp  | no  | 3 | 2 | no  | 2 | BUSY
            222 | 222 | 111         | sdp  | no  | 2 | 1 | no  | 1 | BUSY
            222 | 222 | 111         | sdp  | no  | 1 | 0 | yes | 2 | BUSY
            222 | 222 | 111         | sdp  | no  | 0 | 0 | yes | 2 | NEW_SESSION
            222 | 222 | 111,333,444 | sdp  | no  | 0 | 0 | no  | 2 | NEW_SESSION
            """;

    static Stream<Arguments> table() {
        return TABLE.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] c = line.split("\\|");
            List<Long> opponents = Stream.of(c[2].strip().split(",")).map(Long::valueOf).toList();
            return Arguments.of(Long.parseLong(c[0].strip()), Long.parseLong(c[1].strip()), opponents,
                    c[3].strip().equals("sdp") ? SDP : "not a session description", c[4].strip().equals("yes"),
                    Integer.parseInt(c[5].strip()), Integer.parseInt(c[6].strip()), c[7].strip().equals("yes"),
                    Integer.parseInt(c[8].strip()), Admission.Verdict.valueOf(c[9].strip()));
        });
    }

    @ParameterizedTest(name = "call from {0} (initiator {1}, opponents {2}) -> {9}")
    @MethodSource("table")
    void aCallIsJudgedAsTheTableSays(long from, long initiator, List<Long> opponents, String sdp, boolean live,
            int sessions, int ringing, boolean rejectWhenBusy, int limit, Admission.Verdict verdict) {
        Admission admission = new Admission(ME, CallConfig.builder().rejectWhenBusy(rejectWhenBusy)
                .incomingLimit(limit).build());

        assertThat(admission.decide(from, call("s", initiator, opponents, sdp), live, sessions, ringing))
                .isEqualTo(verdict);
    }

    @Test
    void aSessionThatClosedOrWasTurnedAwayIsLateForEver() {
        Admission admission = new Admission(ME, CallConfig.builder().build());
        admission.closed("over");
        assertThat(admission.decide(222, call("over", 222, List.of(ME), SDP), false, 0, 0)).isEqualTo(Admission.Verdict.LATE);

        assertThat(admission.decide(222, call("busy", 222, List.of(ME), SDP), false, 3, 2)).isEqualTo(Admission.Verdict.BUSY);
        assertThat(admission.decide(222, call("busy", 222, List.of(ME), SDP), false, 0, 0)).isEqualTo(Admission.Verdict.LATE);
    }

    @Test
    void heldCallsComeBackOncePerSenderInOrderWhenTheInitiatorsCallArrives() {
        Admission admission = new Admission(ME, CallConfig.builder().build());
        Signal.Call fromCarol = call("g", 222, List.of(ME, 333L, 444L), SDP);
        Signal.Call fromDave = call("g", 222, List.of(ME, 333L, 444L), SDP);

        admission.decide(444, fromDave, false, 0, 0);
        admission.decide(333, fromCarol, false, 0, 0);
        admission.decide(444, fromDave, false, 0, 0); // a dialing repeat

        assertThat(admission.takeHeld("g")).extracting(Map.Entry::getKey).containsExactly(444L, 333L);
        assertThat(admission.takeHeld("g")).isEmpty();
    }

    @Test
    void heldCallsAreBoundedHoweverManySessionsAFloodNames() {
        Admission admission = new Admission(ME, CallConfig.builder().build());
        for (int i = 0; i < 10_000; i++) {
            admission.decide(333, call(UUID.randomUUID().toString(), 222, List.of(ME, 333L), SDP), false, 0, 0);
        }
        assertThat(admission.heldSessions()).isEqualTo(Admission.REMEMBERED_HELD);
    }

    // ---- restart rules the main table cannot reach ---------------------------------------

    @Test
    void onCrossedRestartOffersTheHigherIdKeepsItsOfferAndTheLowerIdAnswers() {
        LinkBench higher = reconnectingLink(true, 222, 111);
        higher.advance(Duration.ofSeconds(2));
        higher.clear();
        higher.link.updateReceived(higher.update("theirs", true));
        assertThat(higher.actions).isEmpty();

        LinkBench lower = reconnectingLink(true, 111, 222);
        lower.advance(Duration.ofSeconds(2));
        lower.clear();
        lower.link.updateReceived(lower.update("theirs", true));
        assertThat(lower.actions).containsExactly("port answer", "sent update answer");
    }

    @Test
    void aQuickBloxPeerGetsEightSecondsToRestartBeforeParleyDoes() {
        LinkBench bench = new LinkBench(true);
        bench.link.call(Map.of(), Duration.ofSeconds(45));
        bench.link.accepted(bench.acceptFrom("web"));
        bench.link.iceStateChanged(IceState.CONNECTED);
        bench.link.iceStateChanged(IceState.DISCONNECTED);
        bench.clear();

        bench.advance(Duration.ofSeconds(7));
        assertThat(bench.actions).isEmpty();
        bench.advance(Duration.ofSeconds(1));
        assertThat(bench.actions).containsExactly("port restart offer", "sent update offer");
    }

    @Test
    void aRestartWaitsForSignalingAndGoesOutWhenItIsBack() {
        LinkBench bench = reconnectingLink(true, 111, 222);
        bench.signalingUp = false;
        bench.advance(Duration.ofSeconds(10));
        assertThat(bench.actions).isEmpty();

        bench.signalingUp = true;
        bench.link.signalingRestored();
        assertThat(bench.actions).containsExactly("port restart offer", "sent update offer");
    }

    private static LinkBench reconnectingLink(boolean offerer, long local, long remote) {
        LinkBench bench = new LinkBench(offerer, local, remote);
        bench.link.call(Map.of(), Duration.ofSeconds(45));
        bench.link.accepted(bench.acceptFrom("java"));
        bench.link.iceStateChanged(IceState.CONNECTED);
        bench.link.iceStateChanged(IceState.DISCONNECTED);
        bench.clear();
        return bench;
    }
}
