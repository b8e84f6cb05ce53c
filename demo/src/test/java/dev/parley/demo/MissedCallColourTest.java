package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.ConferenceType;
import java.awt.Color;
import java.awt.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A missed call's line in Recent stands out and reads well in both themes (WCAG AA text contrast, 4.5:1). */
class MissedCallColourTest {

    @ParameterizedTest(name = "dark theme: {0}")
    @ValueSource(booleans = {false, true})
    void aMissedCallStandsOutAndReadsWell(boolean dark) throws Exception {
        Path folder = Files.createTempDirectory("parley-history");
        Color[] colours = new Color[3];
        SwingUtilities.invokeAndWait(() -> {
            DemoApp.installTheme(dark);
            CallHistory history = CallHistory.load(folder, 111);
            history.add(new CallHistory.Call(Instant.now(), CallHistory.Direction.INCOMING, CallHistory.Outcome.ANSWERED,
                    ConferenceType.AUDIO, List.of(222L), Duration.ofSeconds(42)));
            history.add(new CallHistory.Call(Instant.now(), CallHistory.Direction.INCOMING, CallHistory.Outcome.MISSED,
                    ConferenceType.VIDEO, List.of(222L), Duration.ZERO));
            RecentCalls recent = new RecentCalls(history, id -> "Bob", (type, peers) -> { }, unseen -> { });
            @SuppressWarnings("unchecked")
            JList<CallHistory.Call> list = (JList<CallHistory.Call>) find(recent, "parley.recent");
            colours[0] = list.getBackground();
            colours[1] = line(list, CallHistory.Outcome.MISSED).getForeground();
            colours[2] = line(list, CallHistory.Outcome.ANSWERED).getForeground();
        });
        assertThat(FocusVisibilityDemoTest.contrast(colours[1].getRGB(), colours[0].getRGB()))
                .as("missed call %s on %s", colours[1], colours[0]).isGreaterThanOrEqualTo(4.5);
        assertThat(colours[1]).as("a missed call looks different from an answered one").isNotEqualTo(colours[2]);
    }

    private static Component line(JList<CallHistory.Call> list, CallHistory.Outcome outcome) {
        for (int i = 0; i < list.getModel().getSize(); i++) {
            CallHistory.Call call = list.getModel().getElementAt(i);
            if (call.outcome() == outcome) {
                return list.getCellRenderer().getListCellRendererComponent(list, call, i, false, false);
            }
        }
        throw new AssertionError("no " + outcome + " call in the list");
    }

    private static Component find(java.awt.Container in, String name) {
        for (Component c : in.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof java.awt.Container container) {
                Component found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
