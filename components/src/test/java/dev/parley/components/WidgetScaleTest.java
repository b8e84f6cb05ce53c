package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.util.UIScale;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import java.awt.Component;
import java.awt.Container;
import java.awt.FontMetrics;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractButton;
import javax.swing.Icon;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * Every widget at the JVM's UI scale (100 % in the main test run, 200 % in the
 * {@code hidpi-tests} run, as {@code sun.java2d.uiScale=2} or {@code GDK_SCALE=2} give it):
 * no button or label shows less than its text and icon need or is cut off by its container,
 * and icons follow FlatLaf's scale, so nothing is clipped and nothing is drawn small.
 */
class WidgetScaleTest extends GuiTest {

    @Test
    void noTextIsClippedAndIconsFollowTheScaleInTheCallWindowAndItsDialogs() {
        calls.client(9801);
        calls.client(9802);
        calls.autoAccept(9802, Map.of());
        CallView[] view = new CallView[1];
        show(() -> {
            view[0] = new CallView(calls.existing(9801));
            return view[0];
        }, 640, 480);
        CallSession call = calls.call(9801, List.of(9802L), ConferenceType.VIDEO, Map.of());
        GuiActionRunner.execute(() -> view[0].setSession(call));
        calls.log(9801).awaitEvent("connectedToUser 9802");
        robot.waitForIdle();
        double scale = GuiActionRunner.execute(UIScale::getUserScaleFactor);
        double device = GuiActionRunner.execute(() -> window.target().getGraphicsConfiguration().getDefaultTransform()
                .getScaleX());
        System.out.printf("widgets checked at a UI scale of %.0f %% (Java2D %.0f %%, FlatLaf %.0f %%)%n",
                scale * device * 100, device * 100, scale * 100);

        List<String> clipped = GuiActionRunner.execute(() -> clipped(window.target()));
        assertThat(clipped).as("controls of the call window narrower than their content").isEmpty();
        int iconWidth = GuiActionRunner.execute(() -> {
            Icon icon = ((AbstractButton) find(view[0], "parley.mute")).getIcon();
            return icon.getIconWidth();
        });
        assertThat(iconWidth).isEqualTo((int) Math.round(Theme.unscaled("Parley.controlBar.iconWidth") * scale));

        PreJoinDialog check = GuiActionRunner.execute(() -> {
            PreJoinDialog d = new PreJoinDialog(window.target(), calls.existing(9801), camera -> new TestPatternCapture());
            d.setModalityType(java.awt.Dialog.ModalityType.MODELESS);
            d.setVisible(true);
            return d;
        });
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> clipped(check))).as("the pre-join check").isEmpty();
        GuiActionRunner.execute(check::dispose);

        ScreenPickerDialog picker = GuiActionRunner.execute(() -> {
            ScreenPickerDialog d = new ScreenPickerDialog(window.target(), dev.parley.engine.ScreenCapture.sources());
            d.setModalityType(java.awt.Dialog.ModalityType.MODELESS);
            d.setVisible(true);
            return d;
        });
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> clipped(picker))).as("the screen picker").isEmpty();
        GuiActionRunner.execute(picker::dispose);
    }

    /** Showing buttons and labels whose text or icon does not fit them, or that their containers cut off. */
    private static List<String> clipped(Container root) {
        List<String> found = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (c.isShowing() && (c instanceof AbstractButton || c instanceof JLabel)) {
                JComponent control = (JComponent) c;
                String text = c instanceof AbstractButton b ? b.getText() : ((JLabel) c).getText();
                Icon icon = c instanceof AbstractButton b ? b.getIcon() : ((JLabel) c).getIcon();
                int needed = 0;
                if (text != null && !text.isEmpty() && !text.startsWith("<html>")) {
                    FontMetrics metrics = control.getFontMetrics(control.getFont());
                    needed = metrics.stringWidth(text);
                }
                if (icon != null && (text == null || text.isEmpty())) {
                    needed = Math.max(needed, icon.getIconWidth());
                }
                java.awt.Insets in = control.getInsets();
                java.awt.Rectangle visible = control.getVisibleRect();
                if (control.getWidth() - in.left - in.right < needed
                        || (icon != null && control.getHeight() < icon.getIconHeight())
                        || visible.width < control.getWidth() || visible.height < control.getHeight()) {
                    found.add(c.getName() + " \"" + text + "\" is " + control.getWidth() + "x" + control.getHeight()
                            + ", needs " + (needed + in.left + in.right));
                }
            }
            if (c instanceof Container container && !(c instanceof Window)) {
                found.addAll(clipped(container));
            }
        }
        return found;
    }

    private static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container container) {
                Component inner = find(container, name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
