package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The launcher sizes itself to what it holds: no button cut off, the introduction wrapped whole. */
class LauncherLayoutTest extends DemoGuiTest {

    @Test
    void everyButtonOfTheLauncherShowsWhole() {
        List<String> cut = GuiActionRunner.execute(
                () -> cutOff((JComponent) ((javax.swing.JFrame) launcher.target()).getContentPane()));
        assertThat(cut).as("controls cut off").isEmpty();
    }

    /** The buttons and labels of {@code content} that do not show whole, and wrapped text shorter than its lines. */
    static List<String> cutOff(JComponent content) {
        Rectangle visible = content.getVisibleRect();
        List<String> problems = new ArrayList<>();
        for (Component c : all(content)) {
            if ((c instanceof AbstractButton || c instanceof javax.swing.JLabel) && c.isShowing()) {
                Rectangle bounds = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), content);
                java.awt.Dimension wanted = c.getPreferredSize();
                if (wanted.width == 0 && wanted.height == 0) {
                    continue; // an empty filler
                }
                if (!visible.contains(bounds) || c.getHeight() < wanted.height
                        || (c instanceof AbstractButton && c.getWidth() < wanted.width)) {
                    problems.add(c.getName() + " (" + c.getClass().getSimpleName() + ") at " + bounds + ", wants "
                            + wanted.width + "x" + wanted.height + ", in " + visible);
                }
            }
            if (c instanceof WrappedText text && text.getHeight() < text.getPreferredSize().height) {
                problems.add("the introduction is " + text.getHeight() + " px high, its lines need "
                        + text.getPreferredSize().height);
            }
        }
        return problems;
    }

    private static List<Component> all(Container root) {
        List<Component> found = new ArrayList<>();
        for (Component c : root.getComponents()) {
            found.add(c);
            if (c instanceof Container inner) {
                found.addAll(all(inner));
            }
        }
        return found;
    }
}
