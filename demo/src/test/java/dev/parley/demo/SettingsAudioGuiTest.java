package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.components.LevelMeter;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Tones;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's settings with real (test) sound devices: choose a microphone and see its meter
 * move, choose a speaker and hear its test sound, save, and find both in use and remembered.
 */
@ExtendWith(Servers.class)
class SettingsAudioGuiTest extends DemoGuiTest {

    @Test
    void aChosenMicrophoneMovesTheMeterAChosenSpeakerPlaysTheTestSoundAndBothAreUsedAndRemembered(Pulse pulse) {
        FrameFixture alice = open(111);
        DialogFixture settings = openSettings();
        settings.comboBox("parley.settings.microphone").selectItem("bob-voice-660-Hz");
        LevelMeter meter = (LevelMeter) settings.robot().finder().findByName(settings.target(),
                "parley.settings.microphoneLevel", true);
        Waits.until(() -> GuiActionRunner.execute(meter::litFraction) > 0.5, Duration.ofSeconds(5),
                () -> "the meter to light up with the 660 Hz microphone");

        settings.comboBox("parley.settings.speaker").selectItem("bob-ears");
        try (Pulse.Recording bobEars = pulse.record("bob-ears")) {
            settings.button("parley.settings.testSound").click();
            Waits.until(() -> {
                short[] heard = bobEars.last(Duration.ofMillis(300));
                return heard.length > 0 && Tones.levelDb(heard, Pulse.RATE, 660) > -30;
            }, Duration.ofSeconds(3), () -> "the test sound on the chosen speaker");
        }

        settings.button("parley.settings.save").click();
        Waits.until(() -> app.window(111).orElseThrow().client().microphone().map(AudioDevice::id).orElse("")
                .equals("bob-voice"), Duration.ofSeconds(3), () -> "Alice's window to use the chosen microphone");
        assertThat(app.window(111).orElseThrow().client().speaker()).map(AudioDevice::id).contains("bob-ears");
        assertThat(app.settings().microphoneId()).isEqualTo("bob-voice");

        DialogFixture again = openSettings();
        again.comboBox("parley.settings.microphone").requireSelection("bob-voice-660-Hz");
        again.comboBox("parley.settings.speaker").requireSelection("bob-ears");
        again.button("parley.settings.save").click();
        assertThat(alice.target().isShowing()).isTrue();
    }

    private DialogFixture openSettings() {
        launcher.moveToFront();
        launcher.button("parley.settings").click();
        DialogFixture dialog = WindowFinder.findDialog("parley.settingsDialog").withTimeout(5_000).using(robot);
        dialog.moveToFront();
        return dialog;
    }
}
