package dev.parley.engine.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who the call window highlights, as a table: each row is a scene of 100 ms ticks for users 1,
 * 2 and 3, written as levels ("." silence 0.0, "q" quiet 0.015, "s" speech 0.05, "L" loud 0.2),
 * and the active-speaker changes it must produce, as "tick:user".
 */
class ActiveSpeakerRulesTest {

    private static final long TICK = 100_000_000L;

    // name | user 1 | user 2 | user 3 | changes
    private static final String TABLE = """
            nobody speaks                 | .......... | .......... | .......... | -
            one speaker after 200 ms      | .sssssssss | .......... | .......... | 3:1
            a click does not count        | .s........ | .......... | .......... | -
            two ticks of voice do count   | .sss...... | .......... | .......... | 3:1
            quiet is not speech           | qqqqqqqqqq | .......... | .......... | -
            the floor passes on silence   | sssss..... | .......sss | .......... | 2:1,9:2
            a pause keeps the floor       | sss..sssss | ...sssssss | .......... | 2:1
            someone else in a pause takes it | sss....... | ...sssssss | .......... | 2:1,5:2
            louder for a second takes it  | ssssssssssssssssss | ...LLLLLLLLLLLLLLL | .................. | 2:1,15:2
            louder for half a second not  | ssssssssssssssssss | ...LLLLL.......... | .................. | 2:1
            as loud never takes it        | ssssssssssssssssss | ...sssssssssssssss | .................. | 2:1
            speech that quietens goes on  | sqqqqqqqqq | .......... | .......... | 2:1
            the loudest of two starts     | .ssssssss. | .LLLLLLLL. | .......... | 3:2
            silence keeps the last        | sss....... | .......... | .......... | 2:1
            a leaver loses nothing        | sss------- | .......sss | .......... | 2:1,9:2
            three people in turn          | sss....... | ...sss.... | ......sss. | 2:1,5:2,8:3
            """;

    static Stream<Arguments> table() {
        return TABLE.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] c = line.split("\\|");
            return Arguments.of(c[0].strip(), List.of(c[1].strip(), c[2].strip(), c[3].strip()), c[4].strip());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void highlights(String scene, List<String> tracks, String expected) {
        ActiveSpeaker speakers = new ActiveSpeaker();
        List<String> changes = new ArrayList<>();
        int ticks = tracks.get(0).length();
        for (int t = 0; t < ticks; t++) {
            Map<Long, Double> levels = new LinkedHashMap<>();
            for (int user = 1; user <= tracks.size(); user++) {
                char c = tracks.get(user - 1).charAt(t);
                if (c != '-') { // '-' : the user has left
                    levels.put((long) user, level(c));
                }
            }
            int tick = t;
            speakers.update(levels, t * TICK).ifPresent(user -> changes.add(tick + ":" + user));
        }
        assertThat(changes.isEmpty() ? "-" : String.join(",", changes)).as(scene).isEqualTo(expected);
    }

    private static double level(char c) {
        return switch (c) {
            case '.' -> 0.0;
            case 'q' -> 0.015;
            case 's' -> 0.05;
            case 'L' -> 0.2;
            default -> throw new IllegalArgumentException("level " + c);
        };
    }
}
