package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.accessibility.AccessibleContext;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * What a screen reader needs: every control a person can reach with Tab, in the launcher, the
 * settings, login and room dialogs, a person's window, the pre-join check, the incoming-call
 * dialog and the call view, has an accessible name.
 */
class AccessibilityDemoTest extends DemoGuiTest {

    @Test
    void everyFocusableControlOfEveryWindowHasAnAccessibleName() {
        List<String> unnamed = new ArrayList<>(unnamed(launcher.target()));

        launcher.button("parley.settings").click();
        DialogFixture settings = WindowFinder.findDialog("parley.settingsDialog").withTimeout(10_000).using(robot);
        unnamed.addAll(unnamed(settings.target()));
        settings.close();
        front(launcher).button("parley.connect").click();
        DialogFixture login = WindowFinder.findDialog("parley.login").withTimeout(10_000).using(robot);
        unnamed.addAll(unnamed(login.target()));
        login.close();
        front(launcher).button("parley.room").click();
        DialogFixture room = WindowFinder.findDialog("parley.roomDialog").withTimeout(10_000).using(robot);
        unnamed.addAll(unnamed(room.target()));
        room.close();

        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        unnamed.addAll(unnamed(alice.target()));
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        alice.button("parley.videoCall").click();
        DialogFixture check = WindowFinder.findDialog("parley.preJoin").withTimeout(10_000).using(robot);
        unnamed.addAll(unnamed(check.target()));
        answer(check, "parley.preJoin.join");
        DialogFixture ringing = incomingDialog(bob);
        unnamed.addAll(unnamed(ringing.target()));
        unnamed.addAll(unnamed(alice.target())); // the call view, dialing
        assertThat(unnamed).as("focusable controls without an accessible name").isEmpty();
    }

    private static List<String> unnamed(Window window) {
        return GuiActionRunner.execute(() -> {
            List<String> found = new ArrayList<>();
            walk(window, window, found);
            return found;
        });
    }

    private static void walk(Window window, Container container, List<String> found) {
        for (Component c : container.getComponents()) {
            if (!c.isVisible()) {
                continue;
            }
            boolean plumbing = c instanceof JPanel || c instanceof JScrollPane || c instanceof JViewport
                    || c instanceof JScrollBar || c instanceof JLabel || c instanceof javax.swing.JRootPane
                    || c instanceof javax.swing.JLayeredPane;
            if (c instanceof JComponent component && component.isFocusable() && component.isEnabled() && !plumbing) {
                AccessibleContext context = component.getAccessibleContext();
                String name = context == null ? null : context.getAccessibleName();
                if (name == null || name.isBlank()) {
                    found.add(window.getName() + ": " + c.getClass().getSimpleName() + " " + c.getName());
                }
            }
            if (c instanceof Container inner) {
                walk(window, inner, found);
            }
        }
    }
}
