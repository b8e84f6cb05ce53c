package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.components.LevelMeter;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Tones;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.regex.Pattern;
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

    @Test
    void aCallRingsOnTheChosenSpeakerAtTheChosenVolumeAndStopsWhenAnswered(Pulse pulse) {
        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        DialogFixture settings = openSettings();
        settings.comboBox("parley.settings.speaker").selectItem("carol-ears");
        settings.slider("parley.settings.ringVolume").slideTo(100);
        settings.button("parley.settings.save").click();
        assertThat(app.settings().ringVolume()).isEqualTo(100);

        double loud;
        try (Pulse.Recording chosen = pulse.record("carol-ears"); Pulse.Recording other = pulse.record("room")) {
            front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
            alice.button("parley.audioCall").click();
            DialogFixture ringing = incomingDialog(bob);
            loud = awaitRing(chosen, -40);
            assertThat(ringLevelDb(other.last(Duration.ofSeconds(3)))).as("the speaker not chosen").isLessThan(-60);
            answer(ringing, "parley.reject");
            long stopped = chosen.written();
            Waits.until(() -> chosen.written() > stopped + Pulse.RATE * 4L, Duration.ofSeconds(8),
                    () -> "4 s more of recording");
            assertThat(ringLevelDb(chosen.last(Duration.ofSeconds(3)))).as("after Decline").isLessThan(-60);
        }

        DialogFixture quieter = openSettings();
        quieter.slider("parley.settings.ringVolume").slideTo(25);
        quieter.label("parley.settings.ringVolumeValue").requireText(java.text.NumberFormat.getPercentInstance().format(0.25));
        quieter.button("parley.settings.save").click();
        try (Pulse.Recording chosen = pulse.record("carol-ears")) {
            front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
            alice.button("parley.audioCall").click();
            DialogFixture ringing = incomingDialog(bob);
            double quiet = awaitRing(chosen, -60);
            System.out.printf("ring at 100 %%: %.1f dB, at 25 %%: %.1f dB%n", loud, quiet);
            // a quarter of the amplitude: 12 dB down
            assertThat(loud - quiet).as("loud %.1f dB, quiet %.1f dB", loud, quiet).isBetween(9.0, 15.0);
            answer(ringing, "parley.reject");
        }
    }

    /** Waits for a full ring burst on {@code speaker} louder than {@code thresholdDb}; returns its level. */
    private static double awaitRing(Pulse.Recording speaker, double thresholdDb) {
        double[] level = {Tones.SILENCE_DB};
        Waits.until(() -> {
            // a burst is 0.4 s of 440 + 480 Hz every 3 s: 3.5 s hold a whole one
            level[0] = ringLevelDb(speaker.last(Duration.ofMillis(3500)));
            return level[0] > thresholdDb;
        }, Duration.ofSeconds(8), () -> "the ring on the chosen speaker, loudest " + level[0] + " dB");
        // the level of a burst that is whole: wait for the next one and take the loudest
        long from = speaker.written();
        Waits.until(() -> speaker.written() > from + Pulse.RATE * 3L, Duration.ofSeconds(6), () -> "3 s more");
        return ringLevelDb(speaker.last(Duration.ofMillis(3500)));
    }

    /** The loudest 100 ms of 440 Hz in {@code samples}. */
    private static double ringLevelDb(short[] samples) {
        int window = Pulse.RATE / 10;
        double loudest = Tones.SILENCE_DB;
        for (int start = 0; start + window <= samples.length; start += window / 2) {
            short[] part = java.util.Arrays.copyOfRange(samples, start, start + window);
            loudest = Math.max(loudest, Tones.levelDb(part, Pulse.RATE, 440));
        }
        return loudest;
    }

    private DialogFixture openSettings() {
        launcher.moveToFront();
        launcher.button("parley.settings").click();
        DialogFixture dialog = WindowFinder.findDialog("parley.settingsDialog").withTimeout(5_000).using(robot);
        dialog.moveToFront();
        return dialog;
    }
}
