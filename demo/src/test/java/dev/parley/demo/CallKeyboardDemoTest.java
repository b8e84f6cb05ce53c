package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.swing.JButton;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * The call window of a video call by keyboard alone: Tab goes through its controls in reading
 * order (the buttons over the picture, then the control bar from left to right) and round
 * again, and Space on the focused Hang up ends the call.
 */
class CallKeyboardDemoTest extends DemoGuiTest {

    @Test
    void tabVisitsEveryControlOfTheCallWindowInReadingOrderAndSpaceHangsUp() {
        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        videoCallThroughCheck(alice);
        answer(incomingDialog(bob), "parley.accept");
        await(() -> showing(alice, "parley.hangUp") != null, Duration.ofSeconds(10), () -> "Alice's call window");
        JButton hangUp = (JButton) showing(alice, "parley.hangUp");

        // reading order: the buttons over the picture, then the control bar, left to right
        List<String> order = new ArrayList<>();
        for (String name : List.of("parley.selfViewToggle", "parley.pipButton", "parley.statsToggle", "parley.mute",
                "parley.camera", "parley.audioDevices", "parley.cameraDevices", "parley.share", "parley.hangUp")) {
            if (showing(alice, name) != null) {
                order.add(name);
            }
        }
        assertThat(order).as("the call window's controls").contains("parley.mute", "parley.camera", "parley.share",
                "parley.hangUp");
        javax.swing.JComponent first = showing(front(alice), order.get(0));
        GuiActionRunner.execute(() -> first.requestFocusInWindow());
        await(() -> GuiActionRunner.execute(first::isFocusOwner), Duration.ofSeconds(3), () -> "the focus on " + order.get(0));
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 2 * order.size() + 2; i++) {
            visited.add(GuiActionRunner.execute(() -> {
                Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
                return owner == null ? "nothing" : String.valueOf(owner.getName());
            }));
            robot.pressAndReleaseKey(KeyEvent.VK_TAB);
            robot.waitForIdle();
        }
        System.out.println("call window tab order: " + visited);
        assertThat(visited).as("focus owners while pressing Tab").containsSubsequence(order);
        assertThat(visited.subList(order.size(), visited.size())).as("round again").contains(order.get(0));

        // to Hang up by keyboard, and press it
        for (int i = 0; i < 20 && !GuiActionRunner.execute(hangUp::isFocusOwner); i++) {
            robot.pressAndReleaseKey(KeyEvent.VK_TAB);
            robot.waitForIdle();
        }
        robot.pressAndReleaseKey(KeyEvent.VK_SPACE);
        await(() -> !GuiActionRunner.execute(hangUp::isShowing),
                Duration.ofSeconds(5), () -> "the call to end with Space on Hang up");
    }
}
