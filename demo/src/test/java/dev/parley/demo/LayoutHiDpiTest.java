package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.util.UIScale;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * At 200 % (a JVM of its own with {@code -Dflatlaf.uiScale=2}: fonts, gaps and icons twice as
 * large, as FlatLaf scales on a desktop set to 200 %), the launcher, the settings and a
 * person's window still show every button and label whole.
 */
class LayoutHiDpiTest extends DemoGuiTest {

    @Test
    void everyWindowShowsItsControlsWholeAtTwiceTheScale() {
        assertThat(GuiActionRunner.execute(UIScale::getUserScaleFactor)).as("this JVM's UI scale").isEqualTo(2f);
        assertThat(GuiActionRunner.execute(
                () -> LauncherLayoutTest.cutOff((JComponent) ((JFrame) launcher.target()).getContentPane())))
                .as("the launcher's controls cut off").isEmpty();

        launcher.button("parley.settings").click();
        DialogFixture settings = WindowFinder.findDialog("parley.settingsDialog").withTimeout(5_000).using(robot);
        assertThat(GuiActionRunner.execute(
                () -> LauncherLayoutTest.cutOff((JComponent) ((JDialog) settings.target()).getContentPane())))
                .as("the settings' controls cut off").isEmpty();
        settings.close();

        FrameFixture alice = open(111);
        assertThat(GuiActionRunner.execute(
                () -> LauncherLayoutTest.cutOff((JComponent) ((JFrame) alice.target()).getContentPane())))
                .as("a person's window's controls cut off").isEmpty();
    }
}
