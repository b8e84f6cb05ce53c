package dev.parley.components;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.components.testing.SwingFixture;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import java.awt.Component;
import java.awt.image.BufferedImage;
import java.util.concurrent.Callable;
import javax.swing.JFrame;
import javax.swing.UIManager;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the widget tests: a FlatLaf Light window driven by AssertJ Swing's robot on a real
 * display (Xvfb under the README's test command). Without a display the tests fail on CI and
 * are skipped elsewhere.
 */
abstract class GuiTest {

    protected org.assertj.swing.core.Robot robot;
    protected FrameFixture window;
    protected final CallHarness calls = CallHarness.onEdt();
    private SwingFixture.UncaughtExceptions uncaught;

    /** A real 1:1 call between 111 and 222; returns Bob's track of Alice's video (the 640x480 test pattern). */
    protected VideoTrack patternTrack() {
        calls.client(111);
        calls.client(222);
        calls.autoAccept(222, java.util.Map.of());
        calls.call(111, java.util.List.of(222L), ConferenceType.VIDEO, java.util.Map.of());
        CallSession atBob = calls.received(222);
        Waits.until(() -> atBob.remoteVideoTrack(111).isPresent(), java.time.Duration.ofSeconds(10), () -> "Alice's video");
        return atBob.remoteVideoTrack(111).orElseThrow();
    }

    @BeforeEach
    void display() {
        SwingFixture.requireDisplay();
        installTheme(false);
        robot = BasicRobot.robotWithNewAwtHierarchy();
        uncaught = SwingFixture.catchUncaughtExceptions();
    }

    @AfterEach
    void cleanUp() {
        if (window != null) {
            window.cleanUp();
        } else if (robot != null) {
            robot.cleanUp();
        }
        calls.close();
        if (uncaught != null) {
            uncaught.close();
        }
    }

    static void installTheme(boolean dark) {
        GuiActionRunner.execute(() -> {
            if (dark) {
                FlatDarkLaf.setup();
            } else {
                FlatLightLaf.setup();
            }
            return null;
        });
    }

    /** Shows {@code content} in a frame of {@code width} x {@code height} and returns the fixture. */
    protected FrameFixture show(Callable<Component> content, int width, int height) {
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("Parley test");
            f.setContentPane((java.awt.Container) wrap(content.call()));
            return f;
        });
        window = new FrameFixture(robot, frame);
        window.show(new java.awt.Dimension(width, height));
        return window;
    }

    private static Component wrap(Component c) {
        if (c instanceof java.awt.Container container && c instanceof javax.swing.JPanel) {
            return container;
        }
        javax.swing.JPanel panel = new javax.swing.JPanel(new java.awt.BorderLayout());
        panel.add(c);
        return panel;
    }

    /** The first component of {@code type} in {@code root}'s tree, or null. */
    protected static <T> T find(java.awt.Container root, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof java.awt.Container container) {
                T found = find(container, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The tile around the local preview in {@code view}. */
    protected static Component localTile(CallView view) {
        return find(view, LocalVideoPanel.class).getParent();
    }

    /** What the screen shows of {@code component} now, as a person would see it. */
    protected static BufferedImage capture(Component component) {
        return SwingFixture.capture(component);
    }

    /** Whether two RGB colours are within {@code tolerance} per channel. */
    protected static boolean close(int expected, int actual, int tolerance) {
        return dev.parley.engine.testing.TestPatterns.close(expected, actual, tolerance);
    }

    protected static int rgb(String key) {
        return GuiActionRunner.execute(() -> UIManager.getColor(key).getRGB() & 0xFFFFFF);
    }
}
