package dev.parley.demo;

import dev.parley.components.testing.SwingFixture;
import dev.parley.engine.testing.Waits;
import java.awt.Component;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javax.swing.JDialog;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the demo's GUI tests: the real application (launcher, windows, dialogs) with its
 * own preferences node, driven by AssertJ Swing on a real display (Xvfb under the README's
 * test command).
 */
abstract class DemoGuiTest {

    protected org.assertj.swing.core.Robot robot;
    protected DemoApp app;
    protected FrameFixture launcher;
    private Preferences prefs;
    private SwingFixture.UncaughtExceptions uncaught;
    /** This test's folder for the demo's files (call histories). */
    protected java.nio.file.Path configDir;

    @BeforeEach
    void startDemo() throws Exception {
        SwingFixture.requireDisplay();
        robot = BasicRobot.robotWithNewAwtHierarchy();
        uncaught = SwingFixture.catchUncaughtExceptions();
        prefs = Preferences.userRoot().node("parley-demo-test-" + UUID.randomUUID());
        configDir = java.nio.file.Files.createTempDirectory("parley-demo-config");
        System.setProperty("parley.demo.configDir", configDir.toString());
        Launcher frame = GuiActionRunner.execute(() -> {
            DemoApp.installTheme(false);
            app = new DemoApp(new DemoSettings(prefs), false);
            Launcher l = new Launcher(app);
            app.setLauncher(l);
            return l;
        });
        launcher = new FrameFixture(robot, frame);
        launcher.show();
    }

    @AfterEach
    void stopDemo() throws Exception {
        GuiActionRunner.execute(() -> {
            app.shutDown();
            return null;
        });
        robot.cleanUp();
        prefs.removeNode();
        uncaught.close();
    }

    /** Opens {@code userId}'s window from the launcher, by clicking. */
    protected FrameFixture open(long userId) {
        for (int attempt = 1; ; attempt++) {
            launcher.moveToFront();
            launcher.button("parley.open." + userId).click();
            try {
                // a click now and then gets lost under Xvfb without a window manager; a person clicks again
                return WindowFinder.findFrame("parley.window." + userId).withTimeout(attempt == 3 ? 10_000 : 3_000)
                        .using(robot);
            } catch (org.assertj.swing.exception.WaitTimedOutError e) {
                if (attempt == 3) {
                    try {
                        java.awt.Rectangle screen = new java.awt.Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
                        javax.imageio.ImageIO.write(new Robot().createScreenCapture(screen), "png",
                                new java.io.File("target/open-failed-" + userId + ".png"));
                    } catch (Exception ignored) {
                        // best effort
                    }
                    Thread.getAllStackTraces().forEach((t, stack) -> {
                        if (t.getName().startsWith("AWT-EventQueue")) {
                            AssertionError where = new AssertionError("EDT " + t.getName() + " is at");
                            where.setStackTrace(stack);
                            e.addSuppressed(where);
                        }
                    });
                    throw e;
                }
            }
        }
    }

    /** Raises {@code window} above the others, as a person clicking its title bar would (Xvfb has no window manager). */
    protected static FrameFixture front(FrameFixture window) {
        window.moveToFront();
        window.robot().waitForIdle();
        return window;
    }

    /** The incoming-call dialog shown over {@code window}, raised and focused as a person would. */
    protected DialogFixture incomingDialog(FrameFixture window) {
        DialogFixture dialog = WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog d) {
                return "parley.incomingCall".equals(d.getName()) && d.getOwner() == window.target() && d.isShowing();
            }
        }).withTimeout(10_000).using(robot);
        // Xvfb has no window manager: a dialog over the stacked call windows can stay under one of
        // them, so move it where no window is, as a person would drag it into view
        dialog.moveTo(new java.awt.Point(1100, 780));
        dialog.moveToFront();
        if (!GuiActionRunner.execute(() -> dialog.target().isFocused())) {
            GuiActionRunner.execute(() -> {
                dialog.target().toFront();
                dialog.target().requestFocus();
                return null;
            });
        }
        await(() -> GuiActionRunner.execute(() -> dialog.target().isFocused()), Duration.ofSeconds(3),
                () -> "the incoming-call dialog to get the focus");
        return dialog;
    }

    /** Presses Video call in {@code window} and Join in the pre-join check that it opens. */
    protected DialogFixture videoCallThroughCheck(FrameFixture window) {
        front(window).button("parley.videoCall").click();
        DialogFixture check = WindowFinder.findDialog("parley.preJoin").withTimeout(10_000).using(robot);
        check.moveToFront();
        answer(check, "parley.preJoin.join");
        return check;
    }

    /**
     * Answers the incoming call by clicking {@code buttonName} in its dialog, and waits for the
     * dialog to close. Under Xvfb without a window manager a click on a freshly raised dialog
     * is now and then lost (the dialog stays, the session is untouched); a person would click
     * again, and so does this, at most three times.
     */
    protected static void answer(DialogFixture dialog, String buttonName) {
        for (int attempt = 1; ; attempt++) {
            dialog.button(buttonName).click();
            try {
                await(() -> !GuiActionRunner.execute(() -> dialog.target().isShowing()), Duration.ofSeconds(2),
                        () -> "the dialog to close after a click on " + buttonName);
                return;
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
                dialog.moveToFront();
            }
        }
    }

    protected static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        Waits.until(condition, timeout, what);
    }

    /** The showing component called {@code name} in {@code window}, or null. */
    protected static javax.swing.JComponent showing(FrameFixture window, String name) {
        return GuiActionRunner.execute(() -> find(window.target(), name));
    }

    private static javax.swing.JComponent find(java.awt.Container in, String name) {
        for (Component c : in.getComponents()) {
            if (name.equals(c.getName()) && c instanceof javax.swing.JComponent j && c.isShowing()) {
                return j;
            }
            if (c instanceof java.awt.Container container) {
                javax.swing.JComponent found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** What the screen shows of {@code component}. */
    protected static BufferedImage capture(Component component) {
        return SwingFixture.capture(component);
    }
}
