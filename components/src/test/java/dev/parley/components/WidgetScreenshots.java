package dev.parley.components;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.Devices;
import dev.parley.engine.ScreenCapture;
import dev.parley.engine.ScreenSource;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.SessionState;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;

/**
 * Saves a screenshot of each widget in FlatLaf Light and Dark under {@code docs/images}, from
 * real calls on an in-process hub. Run with {@code bash src/scripts/screenshots-components.sh}
 * (it needs a display; the script provides Xvfb).
 */
public final class WidgetScreenshots {

    /** Appended to every file name: "-200" for the 200 % run. */
    private static final String SUFFIX = System.getProperty("parley.shots.suffix", "");

    private final Path out;
    private final Robot robot = new Robot();

    private WidgetScreenshots(Path out) throws Exception {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        WidgetScreenshots shots = new WidgetScreenshots(out);
        for (boolean dark : new boolean[] {false, true}) {
            SwingUtilities.invokeAndWait(() -> {
                if (dark) {
                    FlatDarkLaf.setup();
                } else {
                    FlatLightLaf.setup();
                }
            });
            shots.all(dark ? "dark" : "light");
            shots.callWindow(dark ? "dark" : "light");
            if (System.getenv("PULSE_SERVER") != null) {
                shots.sound(dark ? "dark" : "light");
            }
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    private void all(String theme) throws Exception {
        try (CallHarness calls = CallHarness.onEdt()) {
            calls.client(111, b -> b.statsReportInterval(Duration.ofMillis(500)));
            for (long id : new long[] {222, 333, 444}) {
                calls.client(id);
                calls.autoAccept(id, Map.of());
            }
            calls.client(555);
            CallSession call = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
            CallSession atBob = calls.received(222);
            Waits.until(() -> call.state() == SessionState.CONNECTED, Duration.ofSeconds(10), () -> "connected");

            shoot("remote-video-" + theme, 480, 360, () -> {
                RemoteVideoView view = new RemoteVideoView();
                view.setParticipantName("Alice Example");
                view.setVideoTrack(atBob.remoteVideoTrack(111).orElseThrow());
                return view;
            });
            shoot("remote-video-placeholder-" + theme, 480, 360, () -> {
                RemoteVideoView view = new RemoteVideoView();
                view.setParticipantName("Alice Example");
                return view;
            });
            shoot("local-preview-" + theme, 320, 240, () -> {
                LocalVideoPanel panel = new LocalVideoPanel();
                panel.setVideoTrack(call.localMediaStream().videoTrack());
                return panel;
            });
            call.localMediaStream().audioTrack().setEnabled(false);
            shoot("control-bar-" + theme, 320, 72, () -> {
                CallControlBar bar = new CallControlBar();
                bar.setSession(call);
                return bar;
            });
            call.hangUp(Map.of());

            CallSession ringing = calls.existing(555).createSession(List.of(111L), dev.parley.engine.ConferenceType.VIDEO);
            ringing.startCall(Map.of());
            Waits.until(() -> calls.existing(111).sessions().stream().anyMatch(s -> s.isIncoming()),
                    Duration.ofSeconds(10), () -> "a call at Alice");
            CallSession incoming = calls.existing(111).sessions().stream().filter(CallSession::isIncoming).findFirst().orElseThrow();
            shootWindow("incoming-call-" + theme, () -> {
                IncomingCallDialog dialog = new IncomingCallDialog(null, calls.existing(111), incoming, "Erin Example");
                dialog.setVisible(true);
                return dialog;
            });
            ringing.hangUp(Map.of());

            CallSession group = calls.call(111, List.of(222L, 333L, 444L), ConferenceType.VIDEO, Map.of());
            AtomicReference<CallView> view = new AtomicReference<>();
            Waits.until(() -> group.remoteVideoTrack(444).isPresent() && group.remoteVideoTrack(333).isPresent()
                    && group.remoteVideoTrack(222).isPresent(), Duration.ofSeconds(10), () -> "three remote videos");
            shoot("call-view-" + theme, 900, 680, () -> {
                CallView v = new CallView(calls.existing(111));
                v.setNameResolver(id -> Map.of(222L, "Bob Builder", 333L, "Carol Singer", 444L, "Dave Diver").get(id));
                v.setSession(group);
                v.setStatsVisible(true);
                view.set(v);
                return v;
            });
            group.hangUp(Map.of());
        }
    }

    /**
     * Who speaks and the device menu, on the test PulseAudio the script starts: Bob's microphone
     * plays a tone, Alice's and Carol's are silent.
     */
    private void sound(String theme) throws Exception {
        try (CallHarness calls = CallHarness.onEdt()) {
            Map<Long, String> microphones = Map.of(111L, "quiet", 222L, "bob-voice", 333L, "quiet");
            microphones.forEach((id, microphone) -> {
                CallClient client = calls.client(id, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
                client.setMicrophone(Devices.microphones().stream().filter(d -> d.id().equals(microphone))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no microphone " + microphone)));
            });
            calls.autoAccept(222, Map.of());
            calls.autoAccept(333, Map.of());
            CallSession call = calls.call(111, List.of(222L, 333L), ConferenceType.VIDEO, Map.of());
            Waits.until(() -> call.activeSpeaker().orElse(0L) == 222L, Duration.ofSeconds(20),
                    () -> "Bob as the active speaker");
            shoot("speaking-" + theme, 900, 680, () -> {
                CallView v = new CallView(calls.existing(111));
                v.setNameResolver(id -> Map.of(222L, "Bob Builder", 333L, "Carol Singer").get(id));
                v.setSession(call);
                return v;
            });
            shoot("device-menu-" + theme, 560, 420, () -> {
                CallView v = new CallView(calls.existing(111));
                v.setNameResolver(id -> Map.of(222L, "Bob Builder", 333L, "Carol Singer").get(id));
                v.setSession(call);
                // once the window is up and focused: a popup opened earlier closes when it activates
                Timer open = new Timer(800, e -> ((AbstractButton) named(v, "parley.audioDevices")).doClick());
                open.setRepeats(false);
                open.start();
                return v;
            });
            call.hangUp(Map.of());
        }
    }

    private static Component named(Component root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        if (root instanceof Container container) {
            for (Component child : container.getComponents()) {
                Component found = named(child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The call window's own parts: a 1:1 call with the self view, sharing, the pre-join check, picture in picture. */
    private void callWindow(String theme) throws Exception {
        try (CallHarness calls = CallHarness.onEdt()) {
            calls.client(111, b -> b.statsReportInterval(Duration.ofMillis(500)));
            calls.client(222);
            calls.autoAccept(222, Map.of());
            CallSession call = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
            Waits.until(() -> call.state() == SessionState.CONNECTED, Duration.ofSeconds(10), () -> "connected");
            AtomicReference<CallView> view = new AtomicReference<>();
            shoot("call-1to1-" + theme, 800, 600, () -> {
                CallView v = new CallView(calls.existing(111));
                v.setNameResolver(id -> "Bob Builder");
                v.setSession(call);
                return v;
            });
            ScreenSource screen = ScreenCapture.sources().get(0);
            shoot("sharing-" + theme, 800, 600, () -> {
                CallView v = new CallView(calls.existing(111));
                v.setNameResolver(id -> "Bob Builder");
                v.setSession(call);
                v.controlBar().shareScreen(screen);
                return v;
            });
            SwingUtilities.invokeAndWait(() -> call.localMediaStream().videoTrack()
                    .setVideoCapture(new TestPatternCapture()));
            shootWindow("prejoin-" + theme, () -> {
                PreJoinDialog check = new PreJoinDialog(null, calls.existing(111), camera -> new TestPatternCapture());
                check.setModalityType(java.awt.Dialog.ModalityType.MODELESS);
                check.setVisible(true);
                return check;
            });
            AtomicReference<JFrame> frame = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> {
                CallView v = new CallView(calls.existing(111));
                v.setNameResolver(id -> "Bob Builder");
                v.setSession(call);
                JFrame f = new JFrame("call");
                f.add(v);
                f.setSize(640, 480);
                f.setLocation(700, 500);
                f.setVisible(true);
                frame.set(f);
                view.set(v);
            });
            Thread.sleep(500);
            SwingUtilities.invokeAndWait(() -> view.get().openPictureInPicture());
            Window pip = null;
            for (Window w : Window.getWindows()) {
                if ("parley.pip".equals(w.getName()) && w.isShowing()) {
                    pip = w;
                }
            }
            capture("pip-" + theme, pip);
            SwingUtilities.invokeAndWait(() -> frame.get().dispose());
            call.hangUp(Map.of());
        }
    }

    private void shoot(String name, int width, int height, Callable<Component> content) throws Exception {
        AtomicReference<JFrame> frame = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                JFrame f = new JFrame(name);
                f.setUndecorated(true);
                Component c = content.call();
                c.setPreferredSize(new Dimension(width, height));
                f.getContentPane().setBackground(UIManager.getColor("Panel.background"));
                f.add(c);
                f.pack();
                f.setLocation(50, 50);
                f.setVisible(true);
                frame.set(f);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        capture(name, frame.get());
    }

    private void shootWindow(String name, Callable<Window> content) throws Exception {
        AtomicReference<Window> window = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                window.set(content.call());
                window.get().setLocation(50, 50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        capture(name, window.get());
    }

    private void capture(String name, Window window) throws Exception {
        Thread.sleep(1500); // frames arrive, stats fill in, the timer ticks
        AtomicReference<Rectangle> bounds = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Component root = window instanceof JFrame f ? f.getContentPane() : window;
            Point p = root.getLocationOnScreen();
            bounds.set(new Rectangle(p.x, p.y, root.getWidth(), root.getHeight()));
        });
        // at a UI scale above 1 the largest variant holds the device pixels
        java.util.List<java.awt.Image> variants = robot.createMultiResolutionScreenCapture(bounds.get())
                .getResolutionVariants();
        java.awt.Image largest = variants.get(variants.size() - 1);
        BufferedImage image = new BufferedImage(largest.getWidth(null), largest.getHeight(null),
                BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawImage(largest, 0, 0, null);
        ImageIO.write(image, "png", out.resolve(name + SUFFIX + ".png").toFile());
        SwingUtilities.invokeAndWait(window::dispose);
    }
}
