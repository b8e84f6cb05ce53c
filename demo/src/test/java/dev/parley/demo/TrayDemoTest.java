package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Frame;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The notification of a call ringing in a minimised window: without a system tray the dialog
 * rings alone; with one (Debian's trayer on the test display) the tray says who is calling and
 * its menu's Accept answers the call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrayDemoTest extends DemoGuiTest {

    private Process trayer;

    @AfterEach
    void stopTrayer() throws InterruptedException {
        if (trayer != null) {
            // the icon leaves first: AWT's peer of an icon whose tray vanishes throws on the EDT
            GuiActionRunner.execute(() -> {
                app.tray().close();
                return null;
            });
            trayer.destroy();
            trayer.waitFor();
        }
    }

    @Test
    @Order(1)
    void withoutASystemTrayTheDialogRingsAlone() {
        assertThat(TrayNotifier.available()).as("a tray before trayer runs").isFalse();
        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        minimise(bob);
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        alice.button("parley.audioCall").click();
        incomingDialog(bob);
        assertThat(GuiActionRunner.execute(() -> app.tray().lastMessage())).isNull();
        assertThat(GuiActionRunner.execute(() -> app.tray().icon())).isNull();
    }

    @Test
    @Order(2)
    void withASystemTrayACallRingingInAMinimisedWindowIsToldThereAndAcceptedFromItsMenu() throws IOException {
        startTrayer();
        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        minimise(bob);
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        alice.button("parley.audioCall").click();
        await(() -> "Alice is calling (audio)".equals(GuiActionRunner.execute(() -> app.tray().lastMessage())),
                Duration.ofSeconds(10), () -> "the tray telling Bob who calls");
        TrayIcon icon = GuiActionRunner.execute(() -> app.tray().icon());
        assertThat(SystemTray.getSystemTray().getTrayIcons()).contains(icon);

        MenuItem accept = item(icon.getPopupMenu(), "Accept");
        assertThat(accept.isEnabled()).isTrue();
        GuiActionRunner.execute(() -> {
            for (ActionListener l : accept.getActionListeners()) {
                l.actionPerformed(new ActionEvent(accept, ActionEvent.ACTION_PERFORMED, accept.getActionCommand()));
            }
            return null;
        });
        await(() -> GuiActionRunner.execute(() -> app.window(222).orElseThrow().currentSession() != null
                && app.window(222).orElseThrow().currentSession().state() == dev.parley.engine.SessionState.CONNECTED),
                Duration.ofSeconds(15), () -> "Bob's call accepted from the tray");
        await(() -> !GuiActionRunner.execute(accept::isEnabled), Duration.ofSeconds(5), () -> "the tray's Accept off");
    }

    private void startTrayer() throws IOException {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/trayer"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("trayer is not installed (src/scripts/install-deps.sh installs it)");
        }
        Assumptions.assumeTrue(installed, "trayer is not installed");
        trayer = new ProcessBuilder("trayer", "--edge", "bottom", "--align", "right", "--widthtype", "pixel",
                "--width", "120", "--height", "28").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "trayer.log").toFile()).start();
        await(TrayNotifier::available, Duration.ofSeconds(10), () -> "a system tray on the display");
    }

    private static void minimise(FrameFixture window) {
        GuiActionRunner.execute(() -> {
            window.target().setExtendedState(Frame.ICONIFIED);
            return null;
        });
    }

    private static MenuItem item(PopupMenu menu, String label) {
        for (int i = 0; i < menu.getItemCount(); i++) {
            if (label.equals(menu.getItem(i).getLabel())) {
                return menu.getItem(i);
            }
        }
        throw new AssertionError("no " + label + " in the tray's menu");
    }
}
