package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/** A person's window opens again where and as it was left: size, position and tab. */
class WindowStateDemoTest extends DemoGuiTest {

    @Test
    void aWindowReopensWithItsSizePositionAndTab() {
        FrameFixture alice = open(111);
        Rectangle left = new Rectangle(500, 120, 820, 640);
        GuiActionRunner.execute(() -> {
            alice.target().setBounds(left);
            return null;
        });
        front(alice).tabbedPane("parley.tabs").selectTab(1);
        Rectangle closedAt = GuiActionRunner.execute(() -> {
            UserWindow window = app.window(111).orElseThrow();
            Rectangle bounds = window.getBounds();
            window.close();
            return bounds;
        });

        FrameFixture again = open(111);
        Rectangle reopened = GuiActionRunner.execute(() -> again.target().getBounds());
        assertThat(reopened.getSize()).isEqualTo(closedAt.getSize());
        // a window manager may move a frame by its decorations: the place, within them
        assertThat(Math.abs(reopened.x - closedAt.x)).isLessThanOrEqualTo(40);
        assertThat(Math.abs(reopened.y - closedAt.y)).isLessThanOrEqualTo(40);
        assertThat(GuiActionRunner.execute(() -> ((javax.swing.JTabbedPane) again.tabbedPane("parley.tabs").target())
                .getSelectedIndex())).isEqualTo(1);
    }
}
