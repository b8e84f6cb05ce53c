package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.awt.Rectangle;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JViewport;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the keyboard is shows, in light and dark: each control of a person's window looks
 * different with the focus, over a ring at least as long as its outline (a tab: an underline at
 * least 2 pixels thick across it), in colours at least 3:1 apart from how the same pixels look
 * without it (after WCAG 2.2's focus appearance).
 */
class FocusVisibilityDemoTest extends DemoGuiTest {

    private static final List<String> CONTROLS = List.of("parley.search", "parley.people", "parley.callById",
            "parley.callByIdButton", "parley.videoCall", "parley.audioCall", "parley.tabs");

    @ParameterizedTest(name = "dark theme: {0}")
    @ValueSource(booleans = {false, true})
    void everyControlShowsTheFocusClearly(boolean dark) {
        if (dark) {
            GuiActionRunner.execute(() -> app.applyTheme(true));
        }
        FrameFixture alice = front(open(111));
        List<String> faint = new ArrayList<>();
        for (String name : CONTROLS) {
            JComponent control = showing(alice, name);
            if (control == null) {
                continue;
            }
            // the focus goes somewhere else first; for the tabs, outside them (their underline
            // marks the focus on them or anything in them)
            JComponent other = showing(alice, name.equals("parley.tabs") ? "parley.videoCall"
                    : name.equals("parley.search") ? "parley.people" : "parley.search");
            // a list shows the focus on the scroll pane around it
            JComponent shown = control.getParent() instanceof JViewport viewport
                    && viewport.getParent() instanceof JScrollPane scroll ? scroll : control;
            focus(other);
            BufferedImage without = capture(shown);
            focus(control);
            BufferedImage with = capture(shown);
            // tabs show the focus on the selected tab (the rest of the pane holds other controls)
            Rectangle marked = control instanceof JTabbedPane tabs
                    ? GuiActionRunner.execute(() -> tabs.getBoundsAt(tabs.getSelectedIndex()))
                    : new Rectangle(shown.getSize());
            int changed = strongChanges(without, with, marked);
            // a ring: as many pixels as a 1-pixel outline; the tab's underline: 2 pixels thick across the tab
            int outline = control instanceof JTabbedPane ? 2 * marked.width : 2 * (marked.width + marked.height);
            System.out.printf("%s %s: %d pixels change by >= 3:1, outline %d%n", dark ? "dark" : "light", name,
                    changed, outline);
            if (changed < outline) {
                faint.add(name + " (" + changed + " of " + outline + ")");
            }
        }
        assertThat(faint).as("controls whose focus is hard to see (%s theme)", dark ? "dark" : "light").isEmpty();
    }

    private void focus(JComponent component) {
        GuiActionRunner.execute(() -> component.requestFocusInWindow());
        await(() -> GuiActionRunner.execute(component::isFocusOwner), Duration.ofSeconds(3),
                () -> component.getName() + " to have the focus");
        robot.waitForIdle();
        // FlatLaf paints the focus at the next repaint; give it one
        GuiActionRunner.execute(() -> component.paintImmediately(0, 0, component.getWidth(), component.getHeight()));
    }

    /** Pixels of {@code area} whose colours differ by at least 3:1 between {@code a} and {@code b}. */
    private static int strongChanges(BufferedImage a, BufferedImage b, Rectangle area) {
        int count = 0;
        for (int y = Math.max(0, area.y); y < Math.min(area.y + area.height, Math.min(a.getHeight(), b.getHeight())); y++) {
            for (int x = Math.max(0, area.x); x < Math.min(area.x + area.width, Math.min(a.getWidth(), b.getWidth())); x++) {
                if (contrast(a.getRGB(x, y), b.getRGB(x, y)) >= 3.0) {
                    count++;
                }
            }
        }
        return count;
    }

    static double contrast(int rgb1, int rgb2) {
        double l1 = luminance(rgb1);
        double l2 = luminance(rgb2);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
