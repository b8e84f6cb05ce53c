package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.SessionState;
import dev.parley.engine.testing.Waits;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.swing.JToggleButton;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clicks on the control bar act on a real session, and the bar shows the session's state. */
class CallControlBarTest extends GuiTest {

    private CallSession alice;
    private CallSession bob;

    @BeforeEach
    void call() {
        calls.client(111);
        calls.client(222);
        calls.autoAccept(222, Map.of());
        alice = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bob = calls.received(222);
        Waits.until(() -> alice.state() == SessionState.CONNECTED, Duration.ofSeconds(10), () -> "connected");
        show(() -> {
            CallControlBar bar = new CallControlBar();
            bar.setClient(calls.existing(111));
            bar.setSession(alice);
            return bar;
        }, 400, 120);
    }

    @Test
    void muteClickDisablesTheMicrophoneAndTheButtonLooksMuted() {
        int rest = rgb("Parley.controlBar.buttonBackground");
        int active = rgb("Parley.controlBar.activeBackground");
        assertThat(background("parley.mute")).isEqualTo(rest);
        window.toggleButton("parley.mute").requireNotSelected().requireToolTip("Mute microphone (Ctrl+D)");

        window.toggleButton("parley.mute").click();

        assertThat(alice.localMediaStream().audioTrack().isEnabled()).isFalse();
        window.toggleButton("parley.mute").requireSelected().requireToolTip("Unmute microphone (Ctrl+D)");
        assertThat(background("parley.mute")).isEqualTo(active);
        assertThat(accessibleName("parley.mute")).isEqualTo("Unmute microphone");

        window.toggleButton("parley.mute").click();

        assertThat(alice.localMediaStream().audioTrack().isEnabled()).isTrue();
        assertThat(background("parley.mute")).isEqualTo(rest);
    }

    @Test
    void cameraClickTurnsTheLocalVideoOffAndOn() {
        window.toggleButton("parley.camera").click();

        assertThat(alice.localMediaStream().videoTrack().isEnabled()).isFalse();
        window.toggleButton("parley.camera").requireSelected().requireToolTip("Turn camera on (Ctrl+E)");

        window.toggleButton("parley.camera").click();

        assertThat(alice.localMediaStream().videoTrack().isEnabled()).isTrue();
    }

    @Test
    void keyboardShortcutTogglesTheMicrophone() {
        // typed while another control of the window has the focus: the shortcut is window-wide
        window.button("parley.hangUp").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_D).modifiers(ctrl()));

        Waits.until(() -> !alice.localMediaStream().audioTrack().isEnabled(), Duration.ofSeconds(2),
                () -> "Ctrl+D to mute");
        window.toggleButton("parley.mute").requireSelected();
    }

    @Test
    void hangUpEndsTheCallOnBothSidesAndDisablesTheBar() {
        window.button("parley.hangUp").requireToolTip("Hang up (Ctrl+Shift+H)").click();

        Waits.until(() -> alice.state() == SessionState.CLOSED && bob.state() == SessionState.CLOSED,
                Duration.ofSeconds(5), () -> "both sessions closed");
        window.button("parley.hangUp").requireDisabled();
        window.toggleButton("parley.mute").requireDisabled();
        window.toggleButton("parley.camera").requireDisabled();
    }

    @Test
    void theCameraMenuOpensAboveItsArrowAndTheAudioMenuNeedsSoundDevices() {
        window.button("parley.cameraDevices").requireVisible().requireToolTip("Choose camera").click();
        javax.swing.JPopupMenu menu = robot.finder().findByName("parley.cameraDevicesMenu", javax.swing.JPopupMenu.class,
                true);
        assertThat(GuiActionRunner.execute(() -> ((javax.swing.JMenuItem) menu.getComponent(0)).getText()))
                .isEqualTo("Camera");
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ESCAPE);
        // these clients run on headless audio: there is no microphone or speaker to choose
        javax.swing.JButton audio = robot.finder().findByName(window.target(), "parley.audioDevices",
                javax.swing.JButton.class, false);
        assertThat(GuiActionRunner.execute(audio::isVisible)).isFalse();
    }

    @SuppressWarnings("deprecation") // AssertJ Swing maps the old-style masks to modifier keys
    private static int ctrl() {
        return java.awt.event.InputEvent.CTRL_MASK;
    }

    private int background(String name) {
        JToggleButton button = window.toggleButton(name).target();
        return GuiActionRunner.execute(() -> button.getBackground().getRGB() & 0xFFFFFF);
    }

    private String accessibleName(String name) {
        JToggleButton button = window.toggleButton(name).target();
        return GuiActionRunner.execute(() -> button.getAccessibleContext().getAccessibleName());
    }
}
