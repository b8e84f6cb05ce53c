package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.demo.CallHistory.Direction;
import dev.parley.demo.CallHistory.Outcome;
import java.time.Duration;
import java.util.regex.Pattern;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * A person's window beyond the list of names: the search filters people as one types, and the
 * Recent tab records a missed call with a badge, calls back, and keeps the calls across a
 * restart of the window.
 */
class RecentCallsDemoTest extends DemoGuiTest {

    @Test
    void typingInTheSearchFieldFiltersThePeopleByNameOrId() {
        FrameFixture alice = open(111);
        front(alice).textBox("parley.search").enterText("car");
        assertThat(alice.list("parley.people").contents()).singleElement().asString().startsWith("Carol");
        alice.textBox("parley.search").deleteText().enterText("44");
        assertThat(alice.list("parley.people").contents()).singleElement().asString().startsWith("Dave");
        alice.textBox("parley.search").deleteText();
        assertThat(alice.list("parley.people").contents()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aMissedCallIsBadgedAndCalledBackAndTheHistorySurvivesReopening() {
        FrameFixture alice = open(111);
        FrameFixture bob = open(222);

        // Alice rings Bob, who does not answer; Alice gives up
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        alice.button("parley.audioCall").click();
        incomingDialog(bob);
        front(alice).button("parley.hangUp").click();
        await(() -> GuiActionRunner.execute(() -> app.window(222).orElseThrow().recentCalls().size()) == 1,
                Duration.ofSeconds(10), () -> "Bob's missed call recorded");
        CallHistory.Call missed = GuiActionRunner.execute(() -> app.window(222).orElseThrow().recentCalls().get(0));
        assertThat(missed.direction()).isEqualTo(Direction.INCOMING);
        assertThat(missed.outcome()).isEqualTo(Outcome.MISSED);
        assertThat(missed.peers()).containsExactly(111L);
        assertThat(GuiActionRunner.execute(() -> app.window(111).orElseThrow().recentCalls().get(0).outcome()))
                .isEqualTo(Outcome.NO_ANSWER);
        front(bob).tabbedPane("parley.tabs").requireTitle("Recent (1)", org.assertj.swing.data.Index.atIndex(1));

        // Bob looks, and calls back from the list
        bob.tabbedPane("parley.tabs").selectTab(1);
        bob.tabbedPane("parley.tabs").requireTitle("Recent", org.assertj.swing.data.Index.atIndex(1));
        assertThat(bob.list("parley.recent").contents()[0]).startsWith("Alice \u00b7 missed audio call");
        bob.list("parley.recent").selectItem(0);
        bob.button("parley.callBack").click();
        answer(incomingDialog(alice), "parley.accept");
        await(() -> GuiActionRunner.execute(() -> app.window(111).orElseThrow().currentSession() != null
                && app.window(111).orElseThrow().currentSession().state() == dev.parley.engine.SessionState.CONNECTED),
                Duration.ofSeconds(15), () -> "the call back connected");
        front(bob).button("parley.hangUp").click();
        await(() -> GuiActionRunner.execute(() -> app.window(222).orElseThrow().recentCalls().size()) == 2,
                Duration.ofSeconds(10), () -> "Bob's call back recorded");
        CallHistory.Call back = GuiActionRunner.execute(() -> app.window(222).orElseThrow().recentCalls().get(0));
        assertThat(back.direction()).isEqualTo(Direction.OUTGOING);
        assertThat(back.outcome()).isEqualTo(Outcome.ANSWERED);

        // closed and opened again: the calls are still there, the missed one seen
        GuiActionRunner.execute(() -> {
            app.window(222).orElseThrow().close();
            return null;
        });
        FrameFixture bobAgain = open(222);
        bobAgain.tabbedPane("parley.tabs").requireTitle("Recent", org.assertj.swing.data.Index.atIndex(1));
        front(bobAgain).tabbedPane("parley.tabs").selectTab(1);
        assertThat(bobAgain.list("parley.recent").contents()).hasSize(2);
    }
}
