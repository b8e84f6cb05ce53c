package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.demo.CallHistory.Call;
import dev.parley.demo.CallHistory.Direction;
import dev.parley.demo.CallHistory.Outcome;
import dev.parley.engine.ConferenceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent calls survive a restart; a file that is not a history is ignored and replaced. */
class CallHistoryTest {

    @TempDir
    Path folder;

    @Test
    void callsSurviveARestartNewestFirstWithTheUnseenMissedCount() {
        CallHistory history = CallHistory.load(folder, 111);
        history.add(call(1, Direction.OUTGOING, Outcome.ANSWERED, 83));
        history.add(call(2, Direction.INCOMING, Outcome.MISSED, 0));
        history.add(call(3, Direction.INCOMING, Outcome.MISSED, 0));

        CallHistory again = CallHistory.load(folder, 111);
        assertThat(again.calls()).extracting(c -> c.at().getEpochSecond()).containsExactly(3L, 2L, 1L);
        assertThat(again.calls().get(2)).isEqualTo(call(1, Direction.OUTGOING, Outcome.ANSWERED, 83));
        assertThat(again.unseenMissed()).isEqualTo(2);
        again.markSeen();
        assertThat(CallHistory.load(folder, 111).unseenMissed()).isZero();
        assertThat(CallHistory.load(folder, 222).calls()).as("someone else's history").isEmpty();
    }

    @Test
    void onlyTheLastFiftyCallsAreKept() {
        CallHistory history = CallHistory.load(folder, 111);
        for (int i = 1; i <= 60; i++) {
            history.add(call(i, Direction.OUTGOING, Outcome.NO_ANSWER, 0));
        }
        List<Call> kept = CallHistory.load(folder, 111).calls();
        assertThat(kept).hasSize(CallHistory.KEEP);
        assertThat(kept.get(0).at().getEpochSecond()).isEqualTo(60);
    }

    @Test
    void aCorruptOrForeignFileIsIgnoredAndReplacedAtTheNextCall() throws IOException {
        Path file = folder.resolve("history-111.tsv");
        for (String content : List.of("", "\u0000\u00ff garbage", "parley-demo-history 1 111 0\nnot\ta call",
                "parley-demo-history 1 222 0\n1000\tOUTGOING\tANSWERED\tVIDEO\t222\t5000", "parley-demo-history 9 111 0",
                "{\"calls\": []}")) {
            Files.writeString(file, content);
            CallHistory history = CallHistory.load(folder, 111);
            assertThat(history.calls()).as("history from %s", content).isEmpty();
            assertThat(history.unseenMissed()).isZero();
        }
        CallHistory history = CallHistory.load(folder, 111);
        history.add(call(7, Direction.INCOMING, Outcome.DECLINED, 0));
        assertThat(CallHistory.load(folder, 111).calls()).hasSize(1);
    }

    private static Call call(long second, Direction direction, Outcome outcome, long seconds) {
        return new Call(Instant.ofEpochSecond(second), direction, outcome, ConferenceType.VIDEO, List.of(222L, 333L),
                Duration.ofSeconds(seconds));
    }
}
