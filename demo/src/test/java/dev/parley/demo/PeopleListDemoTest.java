package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.ConferenceType;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.assertj.swing.core.MouseButton;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * The people as rows: presence that follows who is online and who is in a call, call buttons that
 * show on the row under the mouse and start a call when clicked, Enter / Shift+Enter on the
 * selected people, and "Call by id" for someone not listed.
 */
class PeopleListDemoTest extends DemoGuiTest {

    @Test
    void presenceFollowsWhoIsOnlineAndWhoIsInACall() {
        FrameFixture alice = open(111);
        assertThat(row(alice, "Bob")).endsWith("offline");
        FrameFixture bob = open(222);
        assertThat(row(alice, "Bob")).isEqualTo("Bob (222) \u00b7 online");

        FrameFixture carol = open(333);
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        alice.button("parley.audioCall").click();
        answer(incomingDialog(bob), "parley.accept");
        await(() -> row(carol, "Alice").endsWith("in a call") && row(carol, "Bob").endsWith("in a call"),
                Duration.ofSeconds(10), () -> "Carol seeing Alice and Bob in a call: " + row(carol, "Alice"));
        front(alice).button("parley.hangUp").click();
        await(() -> row(carol, "Alice").endsWith("online"), Duration.ofSeconds(10), () -> "Alice online again");
    }

    @Test
    void theAudioButtonOnTheRowUnderTheMouseCallsThatPerson() {
        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        PeopleList list = (PeopleList) front(alice).list("parley.people").target();
        int bobRow = GuiActionRunner.execute(() -> indexOf(list, 222L));
        Rectangle button = GuiActionRunner.execute(() -> list.buttonBounds(bobRow, ConferenceType.AUDIO));
        Point centre = new Point(button.x + button.width / 2, button.y + button.height / 2);
        robot.moveMouse(list, centre);
        await(() -> GuiActionRunner.execute(list::hoveredRow) == bobRow, Duration.ofSeconds(3), () -> "Bob's row hovered");
        assertThat(GuiActionRunner.execute(() -> list.showsButtons(bobRow))).isTrue();
        robot.click(list, centre, MouseButton.LEFT_BUTTON, 1);
        DialogFixture ringing = incomingDialog(bob);
        ringing.label("parley.callKind").requireText("Incoming audio call");
        answer(ringing, "parley.reject");
    }

    @Test
    void shiftEnterCallsTheSelectedPeopleAndCallByIdReachesSomeoneByNumber() {
        FrameFixture alice = open(111);
        FrameFixture carol = open(333);
        front(alice).list("parley.people").selectItem(Pattern.compile("Carol.*"));
        alice.list("parley.people").focus();
        robot.pressKey(KeyEvent.VK_SHIFT);
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        robot.releaseKey(KeyEvent.VK_SHIFT);
        DialogFixture ringing = incomingDialog(carol);
        ringing.label("parley.callKind").requireText("Incoming audio call");
        answer(ringing, "parley.reject");
        await(() -> GuiActionRunner.execute(() -> app.window(111).orElseThrow().currentSession() == null),
                Duration.ofSeconds(10), () -> "Alice back to her list");

        front(alice).textBox("parley.callById").enterText("333\n");
        DialogFixture check = WindowFinder.findDialog("parley.preJoin").withTimeout(10_000).using(robot);
        answer(check, "parley.preJoin.join");
        incomingDialog(carol).label("parley.callKind").requireText("Incoming video call");
    }

    private static String row(FrameFixture window, String name) {
        return Arrays.stream(window.list("parley.people").contents()).filter(r -> r.startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name));
    }

    private static int indexOf(PeopleList list, long id) {
        for (int i = 0; i < list.getModel().getSize(); i++) {
            if (list.getModel().getElementAt(i) == id) {
                return i;
            }
        }
        throw new AssertionError("no row for " + id);
    }
}
