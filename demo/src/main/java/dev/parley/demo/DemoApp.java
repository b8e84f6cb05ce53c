package dev.parley.demo;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.IceServer;
import dev.parley.engine.signaling.LocalSignalingHub;
import dev.parley.engine.xmpp.XmppSignaling;
import java.awt.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's state: the in-process hub of the embedded mode, the people it offers, the open
 * user windows, the settings. When the last window closes, everything is closed and the
 * process ends.
 *
 * <p>Threading: EDT.
 */
final class DemoApp {

    /** The embedded mode's people: id and name. */
    static final Map<Long, String> PEOPLE = people();

    private final DemoSettings settings;
    private final boolean exitWhenDone;
    private final List<UserWindow> windows = new ArrayList<>();
    private final List<java.awt.Window> rooms = new ArrayList<>();
    private LocalSignalingHub hub;
    private Window launcher;
    private final TrayNotifier tray = new TrayNotifier();

    DemoApp(DemoSettings settings, boolean exitWhenDone) {
        this.settings = settings;
        this.exitWhenDone = exitWhenDone;
    }

    DemoSettings settings() {
        return settings;
    }

    /** The notifications of calls ringing where nobody looks (the system tray, where there is one). */
    TrayNotifier tray() {
        return tray;
    }

    void setLauncher(Window launcher) {
        this.launcher = launcher;
    }

    List<UserWindow> windows() {
        return List.copyOf(windows);
    }

    /** The window of {@code userId}, when one is open. */
    Optional<UserWindow> window(long userId) {
        return windows.stream().filter(w -> w.userId() == userId).findFirst();
    }

    /** Opens (or brings forward) the embedded-mode window of {@code userId}. */
    UserWindow openEmbedded(long userId) {
        Optional<UserWindow> open = window(userId);
        if (open.isPresent()) {
            open.get().toFront();
            return open.get();
        }
        if (hub == null) {
            hub = new LocalSignalingHub();
        }
        CallClient client = CallClient.create(hub.channel(userId), CallConfig.defaults());
        settings.applyAudio(client);
        LocalSignalingHub shared = hub;
        UserWindow window = new UserWindow(client, PEOPLE.get(userId), DemoApp::nameOf, List.copyOf(PEOPLE.keySet()),
                id -> presenceOf(id, shared), settings, () -> closed(userId));
        return place(window);
    }

    /** In a call when their window shows one, else online when the hub has them. */
    private PeopleList.Presence presenceOf(long userId, LocalSignalingHub shared) {
        Optional<UserWindow> open = window(userId);
        if (open.isPresent() && open.get().currentSession() != null
                && open.get().currentSession().state() != dev.parley.engine.SessionState.CLOSED) {
            return PeopleList.Presence.IN_CALL;
        }
        return shared.onlineUsers().contains(userId) ? PeopleList.Presence.ONLINE : PeopleList.Presence.OFFLINE;
    }

    /** Opens a window for a user signed in to an XMPP server. */
    UserWindow openServer(XmppSignaling channel, List<IceServer> iceServers) {
        CallClient client = CallClient.create(channel, CallConfig.builder().iceServers(iceServers).build());
        settings.applyAudio(client);
        long userId = channel.localUserId();
        UserWindow window = new UserWindow(client, nameOf(userId), DemoApp::nameOf, null, null, settings,
                () -> closed(userId));
        return place(window);
    }

    private UserWindow place(UserWindow window) {
        windows.add(window);
        window.setTray(tray);
        java.util.Optional<java.awt.Rectangle> saved = settings.windowBounds(window.userId());
        if (saved.isPresent()) {
            window.setBounds(saved.get()); // where the person left it last time
        } else {
            // beside the launcher, cascading, so that no window hides the launcher's buttons
            int left = launcher != null ? launcher.getX() + launcher.getWidth() + 16 : 60;
            window.setLocation(left + 40 * (windows.size() - 1), 40 + 40 * (windows.size() - 1));
        }
        window.setVisible(true);
        return window;
    }

    private void closed(long userId) {
        windows.removeIf(w -> w.userId() == userId);
        if (windows.isEmpty() && (launcher == null || !launcher.isVisible())) {
            shutDown();
        }
    }

    /** Closes every window and client; ends the process when started as the application. */
    void shutDown() {
        for (UserWindow window : List.copyOf(windows)) {
            window.close();
        }
        List.copyOf(rooms).forEach(java.awt.Window::dispose);
        rooms.clear();
        tray.close();
        if (hub != null) {
            hub.close();
            hub = null;
        }
        if (launcher != null) {
            launcher.dispose();
        }
        if (exitWhenDone) {
            // webrtc-java's native threads are not daemons; everything of ours is closed by now
            System.exit(0);
        }
    }

    /** Keeps {@code room} (a room window) until it closes, so that shutting down closes it too. */
    void roomOpened(java.awt.Window room) {
        rooms.add(room);
        room.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                rooms.remove(room);
            }
        });
    }

    /** Has every open window's client use the microphone and speaker chosen in the settings. */
    void applyAudio() {
        windows.forEach(window -> settings.applyAudio(window.client()));
    }

    /** Switches every open window between FlatLaf Light and Dark. */
    void applyTheme(boolean dark) {
        settings.setDarkTheme(dark);
        installTheme(dark);
        FlatLaf.updateUI();
    }

    private static boolean demoThemeRegistered;

    static void installTheme(boolean dark) {
        if (!demoThemeRegistered) {
            // the demo's own FlatLaf keys (a clearly visible focus), in dev/parley/demo/theme
            FlatLaf.registerCustomDefaultsSource("dev.parley.demo.theme");
            demoThemeRegistered = true;
        }
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    static String nameOf(long userId) {
        String name = PEOPLE.get(userId);
        return name != null ? name : Texts.get("user.fallback", userId);
    }

    private static Map<Long, String> people() {
        Map<Long, String> people = new LinkedHashMap<>();
        people.put(111L, "Alice");
        people.put(222L, "Bob");
        people.put(333L, "Carol");
        people.put(444L, "Dave");
        people.put(555L, "Erin");
        return people;
    }
}
