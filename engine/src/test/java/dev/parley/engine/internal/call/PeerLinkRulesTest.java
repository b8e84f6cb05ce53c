package dev.parley.engine.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.ConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The rules of one connection as a table, run without native code: every situation a link can
 * be in, every event that can reach it, and what follows: its {@link ConnectionState}, the
 * listener events in order, and what it does to its peer connection and on the wire (distinct
 * actions, in order). The seed's connection and reconnection states, with the dialing, answer,
 * disconnect and restart timers on a {@link dev.parley.engine.testing.ManualClock}.
 */
class PeerLinkRulesTest {

    /** How to bring a fresh link into each situation. */
    private static final Map<String, Consumer<LinkBench>> SITUATIONS = new LinkedHashMap<>();
    /** What can happen to it. */
    private static final Map<String, Consumer<LinkBench>> INPUTS = new LinkedHashMap<>();

    static {
        SITUATIONS.put("ringing out", b -> b.link.call(Map.of(), b.config.answerTimeInterval()));
        SITUATIONS.put("ringing in", b -> b.link.offered(b.callFrom("java")));
        SITUATIONS.put("connecting", b -> {
            SITUATIONS.get("ringing out").accept(b);
            b.link.accepted(b.acceptFrom("java"));
        });
        SITUATIONS.put("answering", b -> {
            SITUATIONS.get("ringing in").accept(b);
            b.link.accept(Map.of());
        });
        SITUATIONS.put("checking", b -> {
            SITUATIONS.get("connecting").accept(b);
            b.link.iceStateChanged(IceState.CHECKING);
        });
        SITUATIONS.put("connected", b -> {
            SITUATIONS.get("checking").accept(b);
            b.link.iceStateChanged(IceState.CONNECTED);
        });
        SITUATIONS.put("reconnecting", b -> {
            SITUATIONS.get("connected").accept(b);
            b.link.iceStateChanged(IceState.DISCONNECTED);
        });
        SITUATIONS.put("restarting", b -> {
            SITUATIONS.get("reconnecting").accept(b);
            b.advance(Duration.ofSeconds(2)); // iceRestartDelay: our restart offer is out
        });
        SITUATIONS.put("hung up", b -> {
            SITUATIONS.get("connected").accept(b);
            b.link.hungUp(Map.of());
        });

        for (IceState ice : IceState.values()) {
            INPUTS.put("ice " + ice, b -> b.link.iceStateChanged(ice));
        }
        INPUTS.put("transport failed", b -> b.link.transportFailed());
        INPUTS.put("accepted", b -> b.link.accepted(b.acceptFrom("java")));
        INPUTS.put("rejected", b -> b.link.rejected(Map.of()));
        INPUTS.put("hung up", b -> b.link.hungUp(Map.of()));
        INPUTS.put("local close", b -> b.link.close(ConnectionState.CLOSED));
        INPUTS.put("candidates", b -> b.link.remoteCandidates(List.of()));
        INPUTS.put("restart offer", b -> b.link.updateReceived(b.update("theirs", true)));
        INPUTS.put("restart answer", b -> b.link.updateReceived(b.update(String.valueOf(b.lastOfferId()), false)));
        INPUTS.put("signaling back", b -> b.link.signalingRestored());
        INPUTS.put("+30 s", b -> b.advance(Duration.ofSeconds(30)));
        INPUTS.put("+45 s", b -> b.advance(Duration.ofSeconds(45)));
    }

    // situation | input | state after | listener events | actions (distinct, in order)
    private static final String TABLE = """
            ringing out | ice NEW | PENDING | |
            ringing out | ice CHECKING | PENDING | |
            ringing out | ice CONNECTED | PENDING | |
            ringing out | ice COMPLETED | PENDING | |
            ringing out | ice DISCONNECTED | PENDING | |
            ringing out | ice FAILED | PENDING | |
            ringing out | ice CLOSED | PENDING | |
            ringing out | transport failed | PENDING | |
            ringing out | accepted | CONNECTING | acceptedByUser, startedConnecting, CONNECTING | port apply answer
            ringing out | rejected | REJECTED | rejectedByUser, REJECTED, closed | port closed
            ringing out | hung up | HANG_UP | hungUpByUser, HANG_UP, closed | port closed
            ringing out | local close | CLOSED | CLOSED, closed | port closed
            ringing out | candidates | PENDING | | port candidates
            ringing out | restart offer | PENDING | |
            ringing out | restart answer | PENDING | |
            ringing out | signaling back | PENDING | |
            ringing out | +30 s | PENDING | | sent call
            ringing out | +45 s | NO_ANSWER | userDidNotRespond, NO_ANSWER, closed | sent call, sent hangUp, port closed
            ringing in | ice NEW | PENDING | |
            ringing in | ice CHECKING | PENDING | |
            ringing in | ice CONNECTED | PENDING | |
            ringing in | ice COMPLETED | PENDING | |
            ringing in | ice DISCONNECTED | PENDING | |
            ringing in | ice FAILED | PENDING | |
            ringing in | ice CLOSED | PENDING | |
            ringing in | transport failed | PENDING | |
            ringing in | accepted | PENDING | |
            ringing in | rejected | REJECTED | rejectedByUser, REJECTED, closed |
            ringing in | hung up | HANG_UP | hungUpByUser, HANG_UP, closed |
            ringing in | local close | CLOSED | CLOSED, closed |
            ringing in | candidates | PENDING | |
            ringing in | restart offer | PENDING | |
            ringing in | restart answer | PENDING | |
            ringing in | signaling back | PENDING | |
            ringing in | +30 s | PENDING | |
            ringing in | +45 s | NO_ANSWER | NO_ANSWER, closed |
            connecting | ice NEW | CONNECTING | |
            connecting | ice CHECKING | CHECKING | CHECKING |
            connecting | ice CONNECTED | CONNECTED | CHECKING, CONNECTED, connected |
            connecting | ice COMPLETED | CONNECTED | CHECKING, CONNECTED, connected |
            connecting | ice DISCONNECTED | CONNECTING | |
            connecting | ice FAILED | FAILED | failed, FAILED, closed | port closed
            connecting | ice CLOSED | CONNECTING | |
            connecting | transport failed | CONNECTING | |
            connecting | accepted | CONNECTING | |
            connecting | rejected | REJECTED | rejectedByUser, REJECTED, closed | port closed
            connecting | hung up | HANG_UP | hungUpByUser, HANG_UP, closed | port closed
            connecting | local close | CLOSED | CLOSED, closed | port closed
            connecting | candidates | CONNECTING | | port candidates
            connecting | restart offer | CONNECTING | |
            connecting | restart answer | CONNECTING | |
            connecting | signaling back | CONNECTING | |
            connecting | +30 s | CONNECTING | |
            connecting | +45 s | CONNECTING | |
            answering | ice NEW | CONNECTING | |
            answering | ice CHECKING | CHECKING | CHECKING |
            answering | ice CONNECTED | CONNECTED | CHECKING, CONNECTED, connected |
            answering | ice COMPLETED | CONNECTED | CHECKING, CONNECTED, connected |
            answering | ice DISCONNECTED | CONNECTING | |
            answering | ice FAILED | FAILED | failed, FAILED, closed | port closed
            answering | ice CLOSED | CONNECTING | |
            answering | transport failed | CONNECTING | |
            answering | accepted | CONNECTING | |
            answering | rejected | REJECTED | rejectedByUser, REJECTED, closed | port closed
            answering | hung up | HANG_UP | hungUpByUser, HANG_UP, closed | port closed
            answering | local close | CLOSED | CLOSED, closed | port closed
            answering | candidates | CONNECTING | | port candidates
            answering | restart offer | CONNECTING | |
            answering | restart answer | CONNECTING | |
            answering | signaling back | CONNECTING | |
            answering | +30 s | CONNECTING | |
            answering | +45 s | CONNECTING | |
            checking | ice NEW | CHECKING | |
            checking | ice CHECKING | CHECKING | |
            checking | ice CONNECTED | CONNECTED | CONNECTED, connected |
            checking | ice COMPLETED | CONNECTED | CONNECTED, connected |
            checking | ice DISCONNECTED | CHECKING | |
            checking | ice FAILED | FAILED | failed, FAILED, closed | port closed
            checking | ice CLOSED | CHECKING | |
            checking | transport failed | CHECKING | |
            checking | accepted | CHECKING | |
            checking | rejected | REJECTED | rejectedByUser, REJECTED, closed | port closed
            checking | hung up | HANG_UP | hungUpByUser, HANG_UP, closed | port closed
            checking | local close | CLOSED | CLOSED, closed | port closed
            checking | candidates | CHECKING | | port candidates
            checking | restart offer | CHECKING | |
            checking | restart answer | CHECKING | |
            checking | signaling back | CHECKING | |
            checking | +30 s | CHECKING | |
            checking | +45 s | CHECKING | |
            connected | ice NEW | CONNECTED | |
            connected | ice CHECKING | CONNECTED | |
            connected | ice CONNECTED | CONNECTED | |
            connected | ice COMPLETED | CONNECTED | |
            connected | ice DISCONNECTED | DISCONNECTED | DISCONNECTED, disconnected, RECONNECTING |
            connected | ice FAILED | DISCONNECTED | DISCONNECTED, disconnected, RECONNECTING |
            connected | ice CLOSED | CONNECTED | |
            connected | transport failed | DISCONNECTED | DISCONNECTED, disconnected, RECONNECTING |
            connected | accepted | CONNECTED | |
            connected | rejected | REJECTED | rejectedByUser, REJECTED, closed | port closed
            connected | hung up | HANG_UP | hungUpByUser, HANG_UP, closed | port closed
            connected | local close | CLOSED | CLOSED, closed | port closed
            connected | candidates | CONNECTED | | port candidates
            connected | restart offer | CONNECTED | | port answer, sent update answer
            connected | restart answer | CONNECTED | |
            connected | signaling back | CONNECTED | |
            connected | +30 s | CONNECTED | |
            connected | +45 s | CONNECTED | |
            reconnecting | ice NEW | DISCONNECTED | |
            reconnecting | ice CHECKING | DISCONNECTED | |
            reconnecting | ice CONNECTED | CONNECTED | CONNECTED, connected, RECONNECTED | port refresh video
            reconnecting | ice COMPLETED | CONNECTED | CONNECTED, connected, RECONNECTED | port refresh video
            reconnecting | ice DISCONNECTED | DISCONNECTED | |
            reconnecting | ice FAILED | DISCONNECTED | | port restart offer, sent update offer
            reconnecting | ice CLOSED | DISCONNECTED | |
            reconnecting | transport failed | DISCONNECTED | | port restart offer, sent update offer
            reconnecting | accepted | DISCONNECTED | |
            reconnecting | rejected | REJECTED | rejectedByUser, REJECTED, closed | port closed
            reconnecting | hung up | HANG_UP | hungUpByUser, HANG_UP, closed | port closed
            reconnecting | local close | CLOSED | CLOSED, closed | port closed
            reconnecting | candidates | DISCONNECTED | | port candidates
            reconnecting | restart offer | DISCONNECTED | | port answer, sent update answer
            reconnecting | restart answer | DISCONNECTED | |
            reconnecting | signaling back | DISCONNECTED | | port restart offer, sent update offer
            reconnecting | +30 s | DISCONNECT_TIMEOUT | FAILED, DISCONNECT_TIMEOUT, closed | port restart offer, sent update offer, port closed
            reconnecting | +45 s | DISCONNECT_TIMEOUT | FAILED, DISCONNECT_TIMEOUT, closed | port restart offer, sent update offer, port closed
            restarting | ice NEW | DISCONNECTED | |
            restarting | ice CHECKING | DISCONNECTED | |
            restarting | ice CONNECTED | CONNECTED | CONNECTED, connected, RECONNECTED | port refresh video
            restarting | ice COMPLETED | CONNECTED | CONNECTED, connected, RECONNECTED | port refresh video
            restarting | ice DISCONNECTED | DISCONNECTED | |
            restarting | ice FAILED | DISCONNECTED | |
            restarting | ice CLOSED | DISCONNECTED | |
            restarting | transport failed | DISCONNECTED | |
            restarting | accepted | DISCONNECTED | |
            restarting | rejected | REJECTED | rejectedByUser, REJECTED, closed | port closed
            restarting | hung up | HANG_UP | hungUpByUser, HANG_UP, closed | port closed
            restarting | local close | CLOSED | CLOSED, closed | port closed
            restarting | candidates | DISCONNECTED | | port candidates
            restarting | restart offer | DISCONNECTED | | port answer, sent update answer
            restarting | restart answer | DISCONNECTED | | port apply answer
            restarting | signaling back | DISCONNECTED | | port restart offer, sent update offer
            restarting | +30 s | DISCONNECT_TIMEOUT | FAILED, DISCONNECT_TIMEOUT, closed | port restart offer, sent update offer, port closed
            restarting | +45 s | DISCONNECT_TIMEOUT | FAILED, DISCONNECT_TIMEOUT, closed | port restart offer, sent update offer, port closed
            hung up | ice NEW | HANG_UP | |
            hung up | ice CHECKING | HANG_UP | |
            hung up | ice CONNECTED | HANG_UP | |
            hung up | ice COMPLETED | HANG_UP | |
            hung up | ice DISCONNECTED | HANG_UP | |
            hung up | ice FAILED | HANG_UP | |
            hung up | ice CLOSED | HANG_UP | |
            hung up | transport failed | HANG_UP | |
            hung up | accepted | HANG_UP | |
            hung up | rejected | HANG_UP | |
            hung up | hung up | HANG_UP | |
            hung up | local close | HANG_UP | |
            hung up | candidates | HANG_UP | |
            hung up | restart offer | HANG_UP | |
            hung up | restart answer | HANG_UP | |
            hung up | signaling back | HANG_UP | |
            hung up | +30 s | HANG_UP | |
            hung up | +45 s | HANG_UP | |
            """;

    static Stream<Arguments> table() {
        return TABLE.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] cells = (line + " ").split("\\|", -1);
            return Arguments.of(cells[0].strip(), cells[1].strip(), ConnectionState.valueOf(cells[2].strip()),
                    list(cells[3]), list(cells[4]));
        });
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("table")
    void everySituationMeetsEveryEventAsTheTableSays(String situation, String input, ConnectionState state,
            List<String> events, List<String> actions) {
        LinkBench bench = new LinkBench(!situation.equals("ringing in") && !situation.equals("answering"));
        SITUATIONS.get(situation).accept(bench);
        bench.clear();

        INPUTS.get(input).accept(bench);

        assertThat(bench.link.state()).as("state").isEqualTo(state);
        assertThat(bench.events).as("listener events").containsExactlyElementsOf(events);
        assertThat(new ArrayList<>(new LinkedHashSet<>(bench.actions))).as("actions").containsExactlyElementsOf(actions);
    }

    @Test
    void theTableCoversEverySituationWithEveryInput() {
        assertThat(table().count()).isEqualTo((long) SITUATIONS.size() * INPUTS.size());
        table().forEach(row -> {
            Object[] cells = row.get();
            assertThat(SITUATIONS).containsKey((String) cells[0]);
            assertThat(INPUTS).containsKey((String) cells[1]);
        });
    }

    private static List<String> list(String cell) {
        return cell.isBlank() ? List.of() : List.of(cell.strip().split("\\s*,\\s*"));
    }
}
