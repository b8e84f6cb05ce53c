package dev.parley.components;

import dev.parley.engine.CallClient;
import dev.parley.engine.CallException;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ScreenSource;
import dev.parley.engine.SessionState;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.event.ActionEvent;
import java.awt.event.HierarchyEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractAction;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * The buttons of a call: microphone mute, camera on/off, hang-up, and beside the microphone
 * and the camera a small arrow that opens a menu of the microphones and speakers (with a
 * client, {@link #setClient}) or of the cameras, the one in use checked; devices plugged in
 * or out while a menu is open appear and vanish in it. Bound to a {@link CallSession} with {@link #setSession}, a click
 * acts on the session, and the bar shows the session's state: a muted microphone shows the
 * crossed-out microphone on the "active" colour, a closed session disables everything. Audio
 * calls have no camera controls.
 *
 * <p>A "Share screen" button opens the {@link ScreenPickerDialog} and shares the chosen screen
 * or window in place of the camera; pressed again, it puts the camera back (as does the shared
 * window closing).
 *
 * <p>Keyboard: Ctrl+D toggles the microphone, Ctrl+E the camera, Ctrl+Shift+S sharing,
 * Ctrl+Shift+H hangs up, anywhere in the window ({@link CallView} adds M, V and S while the
 * focus is in it); every button has a tooltip naming its action and shortcut and an
 * accessible name.
 *
 * <p>Theme keys:
 * <ul>
 * <li>{@code @uiDefault Parley.controlBar.background Color}
 * <li>{@code @uiDefault Parley.controlBar.buttonBackground Color}
 * <li>{@code @uiDefault Parley.controlBar.buttonForeground Color} icons of buttons at rest
 * <li>{@code @uiDefault Parley.controlBar.activeBackground Color} microphone muted, camera off
 * <li>{@code @uiDefault Parley.controlBar.activeForeground Color}
 * <li>{@code @uiDefault Parley.controlBar.hangUpBackground Color}
 * <li>{@code @uiDefault Parley.controlBar.hangUpForeground Color}
 * <li>{@code @uiDefault Parley.controlBar.buttonWidth int} button width and height (buttons are square)
 * <li>{@code @uiDefault Parley.controlBar.iconWidth int}
 * <li>{@code @uiDefault Parley.controlBar.gap int} space between buttons
 * <li>{@code @uiDefault Parley.controlBar.menuArrowWidth int} the device menus' arrows
 * </ul>
 *
 * <p>Threading: EDT only.
 */
public class CallControlBar extends JPanel {

    private final JToggleButton mute = new JToggleButton();
    private final JToggleButton cameraOff = new JToggleButton();
    private final JButton audioDevices = new JButton();
    private final JButton cameraDevices = new JButton();
    private final JToggleButton share = new JToggleButton();
    private final JButton hangUp = new JButton();
    private final ScreenSharing sharing = new ScreenSharing(this, this::session, this::refresh);
    private final DeviceMenus menus = new DeviceMenus(this, this::client, this::session);
    private CallClient client;
    private final Timer follow = new Timer(250, e -> refresh());
    private CallSession session;
    private boolean letterShortcuts;

    /** A bar bound to no session: every control disabled. */
    public CallControlBar() {
        super(new MigLayout("insets 8 12 8 12, gap " + Theme.unscaled("Parley.controlBar.gap") + ", center",
                "[]0[][]0[][][]"));
        setOpaque(true);
        mute.setName("parley.mute");
        cameraOff.setName("parley.camera");
        audioDevices.setName("parley.audioDevices");
        cameraDevices.setName("parley.cameraDevices");
        share.setName("parley.share");
        hangUp.setName("parley.hangUp");
        style(mute, Icons.Glyph.MIC, Icons.Glyph.MIC_OFF);
        style(cameraOff, Icons.Glyph.CAMERA, Icons.Glyph.CAMERA_OFF);
        style(share, Icons.Glyph.SCREEN_SHARE, Icons.Glyph.SCREEN_STOP);
        hangUp.setIcon(Icons.of(Icons.Glyph.HANG_UP, "Parley.controlBar.iconWidth",
                () -> Theme.color("Parley.controlBar.hangUpForeground")));
        hangUp.putClientProperty("JButton.buttonType", "roundRect");
        hangUp.setFocusable(true);
        hangUp.setToolTipText(Theme.text("controlBar.shortcut", Theme.text("controlBar.hangUp"), "Ctrl+Shift+H"));
        hangUp.getAccessibleContext().setAccessibleName(Theme.text("controlBar.hangUp"));
        arrow(audioDevices, "controlBar.audioDevices");
        arrow(cameraDevices, "controlBar.cameraDevices");
        int size = Theme.size("Parley.controlBar.buttonWidth");
        for (AbstractButton button : List.of(mute, cameraOff, share, hangUp)) {
            button.setPreferredSize(new Dimension(size, size));
        }
        add(mute);
        add(audioDevices, "hidemode 3");
        add(cameraOff, "hidemode 3");
        add(cameraDevices, "hidemode 3");
        add(share, "hidemode 3");
        add(hangUp, "gapleft " + Theme.unscaled("Parley.controlBar.gap") * 2);

        mute.addActionListener(e -> act(() -> session.localMediaStream().audioTrack().setEnabled(!mute.isSelected())));
        cameraOff.addActionListener(e -> act(() -> session.localMediaStream().videoTrack()
                .setEnabled(!cameraOff.isSelected())));
        hangUp.addActionListener(e -> act(() -> session.hangUp(Map.of())));
        share.addActionListener(e -> act(() -> {
            if (sharing.isSharing()) {
                sharing.stop();
            } else {
                share.setSelected(false);
                sharing.choose();
            }
        }));
        audioDevices.addActionListener(e -> menus.showAudio(audioDevices));
        cameraDevices.addActionListener(e -> menus.showCameras(cameraDevices));
        bindKey(KeyStroke.getKeyStroke(KeyEvent.VK_D, InputEvent.CTRL_DOWN_MASK), "parley.toggleMute", mute);
        bindKey(KeyStroke.getKeyStroke(KeyEvent.VK_E, InputEvent.CTRL_DOWN_MASK), "parley.toggleCamera", cameraOff);
        bindKey(KeyStroke.getKeyStroke(KeyEvent.VK_H, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
                "parley.hangUp", hangUp);
        bindKey(KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
                "parley.toggleSharing", share);
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                followWhileShowing();
            }
        });
        applyTheme();
        refresh();
    }

    /** Binds the bar to {@code session} (or to nothing, with {@code null}) and shows its state. */
    public void setSession(CallSession session) {
        this.session = session;
        refresh();
        followWhileShowing();
    }

    /**
     * The client whose microphone and speaker the bar's audio menu chooses; without one the
     * menu is not offered. {@link CallView} sets its own.
     */
    public void setClient(CallClient client) {
        this.client = client;
        refresh();
    }

    /** The client whose devices the audio menu chooses, or {@code null}. */
    public CallClient client() {
        return client;
    }

    /** The session the bar acts on, or {@code null}. */
    public CallSession session() {
        return session;
    }

    /**
     * Asks which screen or window to share (the screen picker) and shares it in place of the
     * camera; nothing without a live video session.
     */
    public void shareScreen() {
        act(sharing::choose);
    }

    /** Shares {@code source} in place of the camera, without asking. */
    public void shareScreen(ScreenSource source) {
        act(() -> sharing.share(source));
    }

    /** Stops sharing and puts back the camera (or test pattern) that was there before. */
    public void stopSharing() {
        act(sharing::stop);
    }

    /** Whether the session's video track shows a shared screen now. */
    public boolean isSharing() {
        return sharing.isSharing();
    }

    /** Shows the session's current state; the bar also does this by itself while showing. */
    public void refresh() {
        boolean live = session != null && session.state() != SessionState.CLOSED;
        boolean video = session != null && session.conferenceType() == ConferenceType.VIDEO;
        boolean muted = session != null && !session.localMediaStream().audioTrack().isEnabled();
        boolean cameraIsOff = video && !session.localMediaStream().videoTrack().isEnabled();
        mute.setSelected(muted);
        cameraOff.setSelected(cameraIsOff);
        mute.setEnabled(live);
        cameraOff.setEnabled(live && video);
        cameraOff.setVisible(session == null || video);
        audioDevices.setVisible(client != null && client.microphone().isPresent());
        audioDevices.setEnabled(live);
        cameraDevices.setVisible(video);
        cameraDevices.setEnabled(live);
        boolean sharingNow = sharing.isSharing();
        share.setSelected(sharingNow);
        share.setVisible(video && !GraphicsEnvironment.isHeadless());
        share.setEnabled(live);
        describe(share, sharingNow, "controlBar.stopSharing", "controlBar.shareScreen", keys("S", "Ctrl+Shift+S"));
        hangUp.setEnabled(live);
        describe(mute, muted, "controlBar.unmute", "controlBar.mute", keys("M", "Ctrl+D"));
        describe(cameraOff, cameraIsOff, "controlBar.cameraOn", "controlBar.cameraOff", keys("V", "Ctrl+E"));
        if (!live) {
            follow.stop();
        }
    }

    /** Clicks the button called {@code name} when it is enabled and shown (for shortcuts and the small window). */
    void clickButton(String name) {
        for (AbstractButton button : List.of(mute, cameraOff, share, hangUp)) {
            if (name.equals(button.getName()) && button.isEnabled() && button.isVisible()) {
                button.doClick();
            }
        }
    }

    /** Whether the session's microphone is muted. */
    boolean isMicrophoneMuted() {
        return session != null && !session.localMediaStream().audioTrack().isEnabled();
    }

    /** Tooltips also name the single-letter shortcuts, which {@link CallView} binds. */
    void setLetterShortcuts(boolean shown) {
        letterShortcuts = shown;
        refresh();
    }

    private String keys(String letter, String control) {
        return letterShortcuts ? letter + ", " + control : control;
    }

    /** The open device menu, or {@code null}. */
    JPopupMenu openDeviceMenu() {
        return menus.openMenu();
    }

    private void arrow(JButton button, String textKey) {
        button.putClientProperty("JButton.buttonType", "borderless");
        button.setIcon(Icons.of(Icons.Glyph.CHEVRON_UP, "Parley.controlBar.menuArrowWidth",
                () -> Theme.color("Parley.controlBar.buttonForeground")));
        button.setToolTipText(Theme.text(textKey));
        button.getAccessibleContext().setAccessibleName(Theme.text(textKey));
        int width = Theme.size("Parley.controlBar.menuArrowWidth");
        button.setPreferredSize(new Dimension(width + 4, Theme.size("Parley.controlBar.buttonWidth")));
    }

    private void style(JToggleButton button, Icons.Glyph normal, Icons.Glyph active) {
        button.putClientProperty("JButton.buttonType", "roundRect");
        button.setIcon(Icons.of(normal, "Parley.controlBar.iconWidth",
                () -> Theme.color("Parley.controlBar.buttonForeground")));
        button.setSelectedIcon(Icons.of(active, "Parley.controlBar.iconWidth",
                () -> Theme.color("Parley.controlBar.activeForeground")));
        button.addItemListener(e -> applyTheme());
    }

    /** Sets the theme's colours; again whenever the look and feel changes. */
    private void applyTheme() {
        if (hangUp == null) {
            return; // called by the JPanel constructor, before the buttons exist
        }
        setBackground(Theme.color("Parley.controlBar.background"));
        for (JToggleButton toggle : List.of(mute, cameraOff, share)) {
            toggle.setBackground(toggle.isSelected() ? Theme.color("Parley.controlBar.activeBackground")
                    : Theme.color("Parley.controlBar.buttonBackground"));
        }
        hangUp.setBackground(Theme.color("Parley.controlBar.hangUpBackground"));
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyTheme();
    }

    private static void describe(AbstractButton button, boolean active, String activeKey, String restKey, String keys) {
        String action = Theme.text(active ? activeKey : restKey);
        button.setToolTipText(Theme.text("controlBar.shortcut", action, keys));
        button.getAccessibleContext().setAccessibleName(action);
    }

    private void bindKey(KeyStroke key, String name, AbstractButton button) {
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (button.isEnabled() && button.isVisible()) {
                    button.doClick();
                }
            }
        });
    }

    private void act(Runnable action) {
        if (session == null) {
            return;
        }
        try {
            action.run();
        } catch (IllegalStateException | CallException e) {
            // the session closed under the click; the bar follows the state
        }
        refresh();
    }

    private void followWhileShowing() {
        if (isShowing() && session != null && session.state() != SessionState.CLOSED) {
            follow.start();
        } else {
            follow.stop();
        }
    }

}
