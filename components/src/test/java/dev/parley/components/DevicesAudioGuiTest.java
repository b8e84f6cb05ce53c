package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.Devices;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JRadioButtonMenuItem;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JMenuItemFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The call window with real (test) sound devices: the device menu beside the microphone, a
 * headset plugged in while it is open, who speaks and who is muted on the tiles.
 */
@ExtendWith(Servers.class)
class DevicesAudioGuiTest extends GuiTest {

    private static final long ALICE = 9101;
    private static final long BOB = 9102;

    private CallView view;

    @Test
    void theAudioMenuListsTheDevicesChecksTheOnesInUseAndFollowsAHeadsetPluggedInWhileOpen(Pulse pulse) {
        CallSession call = callWithView("quiet", "bob-voice");

        window.button("parley.audioDevices").click();
        Waits.until(() -> item("parley.device.alice-ears") != null, Duration.ofSeconds(3), () -> "the audio menu");
        assertThat(checked("parley.device.quiet")).as("Alice's microphone is checked").isTrue();
        assertThat(checked("parley.device.alice-ears")).as("Alice's speaker is checked").isTrue();
        assertThat(checked("parley.device.bob-voice")).isFalse();
        assertThat(item("parley.device.room")).isNotNull();

        long plugged = System.nanoTime();
        pulse.add("speaker:gui-headset");
        Waits.until(() -> item("parley.device.gui-headset") != null, Duration.ofSeconds(3),
                () -> "the headset in the open menu within 3 s");
        System.out.printf("hot-plugged headset in the open menu after %d ms%n", (System.nanoTime() - plugged) / 1_000_000);

        JMenuItem headset = item("parley.device.gui-headset");
        new JMenuItemFixture(robot, headset).click();
        Waits.until(() -> calls.existing(ALICE).speaker().map(AudioDevice::id).orElse("").equals("gui-headset"),
                Duration.ofSeconds(3), () -> "Alice's speaker to be the headset");

        pulse.remove("gui-headset");
        calls.log(ALICE).awaitEvent("audioDeviceChanged SPEAKER room");
        window.button("parley.audioDevices").click();
        Waits.until(() -> item("parley.device.room") != null && checked("parley.device.room"), Duration.ofSeconds(3),
                () -> "the default speaker checked after the headset went");
        assertThat(item("parley.device.gui-headset")).isNull();
        assertThat(call.state()).hasToString("CONNECTED");
    }

    @Test
    void theTilesShowWhoSpeaksWhoHasTheFloorAndAMutedMicrophone(Pulse pulse) {
        CallSession call = callWithView("quiet", "bob-voice");

        Waits.until(() -> GuiActionRunner.execute(() -> view.showsSpeaking(BOB)), Duration.ofSeconds(15),
                () -> "Bob's tile showing him speaking");
        Waits.until(() -> GuiActionRunner.execute(() -> view.isHighlightedAsSpeaker(BOB)), Duration.ofSeconds(15),
                () -> "Bob's tile highlighted as the active speaker");
        assertThat(GuiActionRunner.execute(() -> view.isHighlightedAsSpeaker(ALICE))).isFalse();
        assertThat(GuiActionRunner.execute(() -> view.showsSpeaking(ALICE))).as("Alice's quiet microphone").isFalse();
        assertThat(GuiActionRunner.execute(view::showsLocalMuted)).isFalse();

        window.toggleButton("parley.mute").click();
        Waits.until(() -> GuiActionRunner.execute(view::showsLocalMuted), Duration.ofSeconds(3),
                () -> "the local tile showing the muted microphone");
        assertThat(call.localMediaStream().audioTrack().isEnabled()).isFalse();
    }

    @Test
    void theLocalPreviewsMeterMovesWithTheMicrophone(Pulse pulse) {
        callWithView("alice-voice", "quiet");
        Waits.until(() -> GuiActionRunner.execute(() -> view.showsSpeaking(ALICE)), Duration.ofSeconds(15),
                () -> "the local preview's meter to move with Alice's microphone");
        window.toggleButton("parley.mute").click();
        Waits.until(() -> !GuiActionRunner.execute(() -> view.showsSpeaking(ALICE)), Duration.ofSeconds(3),
                () -> "the meter to fall when muted");
    }

    /** Alice (microphone {@code aliceMic}, speaker alice-ears) in a call view, calling Bob (microphone {@code bobMic}). */
    private CallSession callWithView(String aliceMic, String bobMic) {
        CallClient alice = calls.client(ALICE, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
        CallClient bob = calls.client(BOB, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
        alice.setMicrophone(device(Devices.microphones(), aliceMic));
        alice.setSpeaker(device(Devices.speakers(), "alice-ears"));
        bob.setMicrophone(device(Devices.microphones(), bobMic));
        bob.setSpeaker(device(Devices.speakers(), "bob-ears"));
        calls.autoAccept(BOB, Map.of());
        show(() -> {
            view = new CallView(alice);
            return view;
        }, 800, 600);
        CallSession call = calls.call(ALICE, List.of(BOB), ConferenceType.AUDIO, Map.of());
        GuiActionRunner.execute(() -> view.setSession(call));
        calls.log(ALICE).awaitEvent("connectedToUser " + BOB);
        return call;
    }

    private static AudioDevice device(List<AudioDevice> devices, String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no device " + id + " in " + devices));
    }

    /** The item called {@code name} in the open device menu, or null. */
    private JMenuItem item(String name) {
        return GuiActionRunner.execute(() -> {
            JPopupMenu menu = view.controlBar().openDeviceMenu();
            if (menu == null) {
                return null;
            }
            for (java.awt.Component c : menu.getComponents()) {
                if (c instanceof JMenuItem item && name.equals(item.getName())) {
                    return item;
                }
            }
            return null;
        });
    }

    private boolean checked(String name) {
        JMenuItem item = item(name);
        return item instanceof JRadioButtonMenuItem radio && GuiActionRunner.execute(radio::isSelected);
    }
}
