package dev.parley.engine.audio;

import static dev.parley.engine.audio.VoiceCallTest.microphone;
import static dev.parley.engine.audio.VoiceCallTest.speaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.DeviceListener;
import dev.parley.engine.Devices;
import dev.parley.engine.MediaException;
import dev.parley.engine.MicrophoneMeter;
import dev.parley.engine.SessionState;
import dev.parley.engine.Subscription;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Devices plugged in and out, a meter before any call, and what happens with a device that is not there. */
@ExtendWith(Servers.class)
class DevicesTest {

    private static final long ALICE = 8201;
    private static final long BOB = 8202;
    private static final long CAROL = 8203;
    private static final Duration WAIT = Duration.ofSeconds(15);

    private CallHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void listsTheTestDevicesWithTheirDefaults(Pulse pulse) {
        assertThat(Devices.microphones()).extracting(AudioDevice::id)
                .contains("quiet", "alice-voice", "bob-voice", "alice-second-voice");
        assertThat(Devices.speakers()).extracting(AudioDevice::id).contains("room", "alice-ears", "bob-ears");
        assertThat(Devices.defaultSpeaker()).map(AudioDevice::id).contains("room");
        assertThat(Devices.defaultMicrophone()).map(AudioDevice::id).contains("quiet");
        assertThat(microphone("alice-voice").name()).isEqualTo("alice-voice-440-Hz");
    }

    @Test
    void aSpeakerPluggedInMidCallIsListedAndUsableAndUnpluggingItFallsBackToTheDefault(Pulse pulse) {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Subscription listening = Devices.addListener(new DeviceListener() {
            @Override
            public void speakerAdded(AudioDevice speaker) {
                heard.add("added " + speaker.id());
            }

            @Override
            public void speakerRemoved(AudioDevice speaker) {
                heard.add("removed " + speaker.id());
            }
        }, Runnable::run); Pulse.Recording headset = pulse.record("room")) {
            harness = CallHarness.realTime();
            CallClient alice = harness.client(ALICE, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
            CallClient bob = harness.client(BOB, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
            alice.setMicrophone(microphone("alice-voice"));
            bob.setSpeaker(speaker("bob-ears"));
            harness.call(ALICE, List.of(BOB), ConferenceType.AUDIO, Map.of());
            harness.received(BOB).acceptCall(Map.of());
            harness.log(BOB).awaitEvent("connectedToUser " + ALICE);

            long plugged = System.nanoTime();
            pulse.add("speaker:usb-headset");
            Waits.until(() -> Devices.speakers().stream().anyMatch(d -> d.id().equals("usb-headset")),
                    Duration.ofSeconds(3), () -> "the headset in Devices.speakers() within 3 s: " + Devices.speakers());
            System.out.printf("hot-plugged speaker listed after %d ms%n", (System.nanoTime() - plugged) / 1_000_000);
            Waits.until(() -> heard.contains("added usb-headset"), Duration.ofSeconds(3), () -> "speakerAdded: " + heard);

            try (Pulse.Recording onHeadset = pulse.record("usb-headset")) {
                bob.setSpeaker(speaker("usb-headset"));
                Waits.until(() -> Hearing.hears(onHeadset, 440), WAIT, () -> "Alice on the headset: "
                        + Hearing.describe(onHeadset, 440));
                assertThat(bob.speaker()).map(AudioDevice::id).contains("usb-headset");

                pulse.remove("usb-headset");
                harness.log(BOB).awaitEvent("audioDeviceChanged SPEAKER room");
                Waits.until(() -> Hearing.hears(headset, 440), WAIT, () -> "Alice on the default speaker after the"
                        + " headset went: " + Hearing.describe(headset, 440));
            }
            assertThat(bob.speaker()).map(AudioDevice::id).contains("room");
            assertThat(heard).contains("removed usb-headset");
            assertThat(harness.received(BOB).state()).as("the call goes on").isEqualTo(SessionState.CONNECTED);
        }
    }

    @Test
    void everyoneSeesTheOnlyVoiceAsTheActiveSpeaker(Pulse pulse) {
        harness = CallHarness.realTime();
        for (long user : List.of(ALICE, BOB, CAROL)) {
            CallClient client = harness.client(user, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
            client.setMicrophone(microphone(user == ALICE ? "alice-voice" : "quiet"));
            client.setSpeaker(speaker(user == ALICE ? "alice-ears" : user == BOB ? "bob-ears" : "carol-ears"));
        }
        harness.autoAccept(BOB, Map.of());
        harness.autoAccept(CAROL, Map.of());
        CallSession call = harness.call(ALICE, List.of(BOB, CAROL), ConferenceType.AUDIO, Map.of());

        for (long user : List.of(ALICE, BOB, CAROL)) {
            harness.log(user).awaitEvent("activeSpeakerChanged " + ALICE);
        }
        assertThat(call.activeSpeaker()).hasValue(ALICE);
        for (long user : List.of(ALICE, BOB, CAROL)) {
            assertThat(harness.log(user).events(e -> e.startsWith("activeSpeakerChanged")))
                    .as("user %d's active speakers", user).containsOnly("activeSpeakerChanged " + ALICE);
        }
    }

    @Test
    void aMicrophoneThatIsNotThereIsRefusedAndChangesNothing(Pulse pulse) {
        harness = CallHarness.realTime();
        CallClient alice = harness.client(ALICE, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
        alice.setMicrophone(microphone("alice-voice"));
        AudioDevice ghost = new AudioDevice("ghost", "Ghost microphone", AudioDevice.Kind.MICROPHONE);

        assertThatThrownBy(() -> alice.setMicrophone(ghost)).isInstanceOf(MediaException.class)
                .hasMessageContaining("Ghost microphone").hasMessageContaining("not connected");
        assertThatThrownBy(() -> alice.setSpeaker(microphone("bob-voice"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a microphone");
        assertThatThrownBy(() -> MicrophoneMeter.open(ghost)).isInstanceOf(MediaException.class);
        assertThat(alice.microphone()).map(AudioDevice::id).contains("alice-voice");
    }

    @Test
    void aMeterHearsTheMicrophoneBeforeAnyCall(Pulse pulse) {
        try (MicrophoneMeter meter = MicrophoneMeter.open(microphone("bob-voice"));
                MicrophoneMeter silent = MicrophoneMeter.open(microphone("quiet"))) {
            Waits.until(() -> meter.level() > 0.1, Duration.ofSeconds(5), () -> "a level from the 660 Hz microphone: "
                    + meter.level());
            assertThat(silent.level()).isZero();
        }
    }

    @Test
    void aHeadlessClientHasNoDevicesToChoose(Pulse pulse) {
        harness = CallHarness.realTime();
        CallClient headless = harness.client(ALICE); // the harness's default: headless audio
        assertThat(headless.microphone()).isEmpty();
        assertThatThrownBy(() -> headless.setMicrophone(microphone("alice-voice")))
                .isInstanceOf(MediaException.class).hasMessageContaining("without sound devices");
    }
}
