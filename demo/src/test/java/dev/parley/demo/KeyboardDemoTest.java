package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/** Tab goes through a person's window in reading order and comes round again: nothing is out of reach. */
class KeyboardDemoTest extends DemoGuiTest {

    @Test
    void tabVisitsEveryControlOfTheIdleWindowInReadingOrder() {
        FrameFixture alice = open(111);
        front(alice).textBox("parley.search").focus();
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            visited.add(GuiActionRunner.execute(() -> {
                Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
                return owner == null ? "nothing" : String.valueOf(owner.getName());
            }));
            robot.pressAndReleaseKey(KeyEvent.VK_TAB);
            robot.waitForIdle();
        }
        List<String> order = List.of("parley.search", "parley.people", "parley.callById", "parley.callByIdButton",
                "parley.videoCall", "parley.audioCall", "parley.tabs");
        assertThat(visited).as("focus owners while pressing Tab").containsSubsequence(order);
        // and round again to the start
        assertThat(visited.subList(order.size(), visited.size())).contains("parley.search");
    }
}
