package dev.parley.components.testing;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Assumptions;

/**
 * What every GUI test of Parley's widgets and demo needs, in one place (the components'
 * test-jar, which the demo's tests use too): a real display or a clear verdict without one, the
 * screen as a person sees it, and exceptions on the EDT turned into test failures.
 *
 * <p>Threading: {@link #capture} from the test thread; the rest wherever a test sets up.
 */
public final class SwingFixture {

    private SwingFixture() {
    }

    /**
     * Returns when there is a display. Without one the test fails when {@code CI} is
     * {@code true} (CI runs the tests under Xvfb, so a missing display is a defect) and is
     * skipped elsewhere, saying how to run it.
     */
    public static void requireDisplay() {
        if (!GraphicsEnvironment.isHeadless()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("GUI tests need a display on CI; run them under xvfb-run (the README's test"
                    + " command does)");
        }
        Assumptions.abort("no display: run under xvfb-run, as the README's test command does");
    }

    /** What the screen shows of {@code component} now, as a person would see it. */
    public static BufferedImage capture(Component component) {
        Rectangle bounds = GuiActionRunner.execute(() -> {
            Point p = component.getLocationOnScreen();
            return new Rectangle(p.x, p.y, component.getWidth(), component.getHeight());
        });
        try {
            return new Robot().createScreenCapture(bounds);
        } catch (AWTException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Collects the exceptions that escape on any thread (the EDT above all) from now until
     * {@link UncaughtExceptions#close()}, which puts the previous handler back and fails if
     * there were any: a widget that throws must fail its test, not vanish into a log.
     */
    public static UncaughtExceptions catchUncaughtExceptions() {
        return new UncaughtExceptions();
    }

    /** See {@link #catchUncaughtExceptions()}. */
    public static final class UncaughtExceptions implements AutoCloseable {
        private final List<Throwable> caught = new CopyOnWriteArrayList<>();
        private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();

        private UncaughtExceptions() {
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> caught.add(e));
        }

        /** Restores the previous handler; throws if anything was caught. */
        @Override
        public void close() {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            if (!caught.isEmpty()) {
                throw new AssertionError("uncaught exception in " + caught.size() + " event(s)", caught.get(0));
            }
        }
    }
}
