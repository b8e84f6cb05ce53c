package dev.parley.demo;

import dev.parley.engine.CallSession;
import dev.parley.engine.ConnectionState;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.SwingUtilities;

/**
 * Walks through the embedded demo and saves PNGs to docs/images: idle, an incoming call, a 1:1
 * call, a 4-person call, and the dark theme. Run with {@code bash src/scripts/screenshots-demo.sh}.
 */
public final class DemoScreenshots {

    private final Path out;
    private final Robot robot = new Robot();
    /** "-200" for the pictures at 200 % (sun.java2d.uiScale=2), as screenshots-demo.sh runs it the second time. */
    private static final String SUFFIX = System.getProperty("parley.shots.suffix", "");
    private DemoApp app;
    private int preJoinShots;

    private DemoScreenshots(Path out) throws Exception {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        new DemoScreenshots(out).run();
        System.out.println("demo screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    private void run() throws Exception {
        Preferences prefs = Preferences.userRoot().node("parley-demo-shots-" + UUID.randomUUID());
        // the pictures' call histories, not the user's
        Path histories = Files.createTempDirectory("parley-demo-shots");
        System.setProperty("parley.demo.configDir", histories.toString());
        AtomicReference<Launcher> launcher = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            DemoApp.installTheme(false);
            app = new DemoApp(new DemoSettings(prefs), false);
            launcher.set(new Launcher(app));
            app.setLauncher(launcher.get());
            launcher.get().setVisible(true);
        });
        UserWindow alice = edt(() -> app.openEmbedded(111));
        UserWindow bob = edt(() -> app.openEmbedded(222));
        edt(() -> app.openEmbedded(333));
        edt(() -> app.openEmbedded(444));
        Thread.sleep(1000);
        shoot("demo-launcher", launcher.get());

        call(alice, List.of(222L));
        JDialog ringing = await(() -> dialogOf(bob));
        edt(() -> {
            ringing.setLocation(bob.getX() + 60, bob.getY() + 120);
            ringing.toFront();
            return null;
        });
        Thread.sleep(800);
        shoot("demo-incoming", ringing);
        accept(ringing);
        CallSession oneToOne = edt(alice::currentSession);
        waitFor(() -> oneToOne.connectionState(222) == ConnectionState.CONNECTED);
        Thread.sleep(2500);
        shoot("demo-call", alice);
        oneToOne.hangUp(Map.of());
        waitFor(() -> oneToOne.state() == dev.parley.engine.SessionState.CLOSED);
        Thread.sleep(500);

        // Dave rings Alice, who does not answer: a missed call on her Recent tab
        UserWindow dave = edt(() -> app.window(444).orElseThrow());
        CallSession unanswered = edt(() -> {
            CallSession s = dave.client().createSession(List.of(111L), dev.parley.engine.ConferenceType.AUDIO);
            s.startCall(Map.of("name", "Dave"));
            return s;
        });
        await(() -> dialogOf(alice));
        edt(() -> {
            unanswered.hangUp(Map.of());
            return null;
        });
        waitFor(() -> {
            try {
                return edt(() -> alice.recentCalls().size() == 2);
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(800);
        shoot("demo-idle", alice);
        tab(alice, 1);
        shoot("demo-recent", alice);
        tab(alice, 0);

        call(alice, List.of(222L, 333L, 444L));
        for (long id : new long[] {222, 333, 444}) {
            UserWindow window = edt(() -> app.window(id).orElseThrow());
            accept(await(() -> dialogOf(window)));
        }
        CallSession group = edt(alice::currentSession);
        waitFor(() -> group.connectionState(444) == ConnectionState.CONNECTED
                && group.connectionState(333) == ConnectionState.CONNECTED);
        Thread.sleep(3000);
        edt(() -> {
            alice.setSize(960, 760);
            alice.toFront();
            return null;
        });
        Thread.sleep(1500);
        shoot("demo-group-call", alice);
        edt(() -> {
            app.applyTheme(true);
            return null;
        });
        Thread.sleep(1500);
        shoot("demo-group-call-dark", alice);
        edt(() -> {
            group.hangUp(Map.of());
            alice.setSize(760, 600);
            return null;
        });
        waitFor(() -> group.state() == dev.parley.engine.SessionState.CLOSED);
        Thread.sleep(1500);
        shoot("demo-idle-dark", alice);
        tab(alice, 1);
        shoot("demo-recent-dark", alice);
        edt(() -> {
            app.shutDown();
            return null;
        });
        prefs.removeNode();
    }

    private void call(UserWindow from, List<Long> to) throws Exception {
        edt(() -> {
            javax.swing.JList<?> people = find(from, javax.swing.JList.class, "parley.people");
            int[] indices = to.stream().mapToInt(id -> ((javax.swing.DefaultListModel<?>) people.getModel()).indexOf(id))
                    .toArray();
            people.setSelectedIndices(indices);
            return null;
        });
        // the pre-join check is modal: press the button later, then Join in the check
        javax.swing.SwingUtilities.invokeLater(() -> find(from, javax.swing.JButton.class, "parley.videoCall").doClick());
        JDialog check = await(() -> dialogOf(from, "parley.preJoin"));
        Thread.sleep(1500); // the preview and the meter come alive
        if (preJoinShots++ == 0) {
            shoot("demo-prejoin", check);
        }
        edt(() -> {
            find(check, javax.swing.JButton.class, "parley.preJoin.join").doClick();
            return null;
        });
    }

    private void tab(UserWindow window, int index) throws Exception {
        edt(() -> {
            find(window, javax.swing.JTabbedPane.class, "parley.tabs").setSelectedIndex(index);
            return null;
        });
        Thread.sleep(400);
    }

    private void accept(JDialog dialog) throws Exception {
        edt(() -> {
            find(dialog, javax.swing.JButton.class, "parley.accept").doClick();
            return null;
        });
    }

    private static JDialog dialogOf(Window owner) {
        return dialogOf(owner, "parley.incomingCall");
    }

    private static JDialog dialogOf(Window owner, String name) {
        for (Window w : owner.getOwnedWindows()) {
            if (w instanceof JDialog d && name.equals(d.getName()) && d.isShowing()) {
                return d;
            }
        }
        return null;
    }

    private void shoot(String name, Window window) throws Exception {
        Rectangle bounds = edt(() -> {
            window.toFront();
            Component root = window instanceof javax.swing.RootPaneContainer r ? r.getContentPane() : window;
            Point p = root.getLocationOnScreen();
            return new Rectangle(p.x, p.y, root.getWidth(), root.getHeight());
        });
        Thread.sleep(400);
        // every pixel of the screen (at 200 % a plain capture is scaled down to the window's size)
        List<java.awt.Image> variants = robot.createMultiResolutionScreenCapture(bounds).getResolutionVariants();
        java.awt.Image largest = variants.get(variants.size() - 1);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(largest.getWidth(null),
                largest.getHeight(null), java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawImage(largest, 0, 0, null);
        ImageIO.write(image, "png", out.resolve(name + SUFFIX + ".png").toFile());
    }

    private static <T extends Component> T find(java.awt.Container root, Class<T> type, String name) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && name.equals(c.getName())) {
                return type.cast(c);
            }
            if (c instanceof java.awt.Container container) {
                T found = find(container, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T await(java.util.concurrent.Callable<T> probe) throws Exception {
        for (int i = 0; i < 200; i++) {
            T value = edt(probe);
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("timed out");
        }
    }

    private static <T> T edt(java.util.concurrent.Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
