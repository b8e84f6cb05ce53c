package dev.parley.engine.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.Devices;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Voices crossing a call, heard on real (test) sound devices: each side's microphone plays its
 * own sine, each side's speaker is recorded, and the tests assert on the tones heard.
 */
@ExtendWith(Servers.class)
class VoiceCallTest {

    private static final long ALICE = 8101;
    private static final long BOB = 8102;
    private static final Duration WAIT = Duration.ofSeconds(15);

    private CallHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void eachSideHearsTheOthersMicrophoneOnItsChosenSpeaker(Pulse pulse) {
        try (Pulse.Recording aliceHears = pulse.record("alice-ears"); Pulse.Recording bobHears = pulse.record("bob-ears")) {
            CallSession call = audioCall();
            Waits.until(() -> Hearing.hears(bobHears, 440), WAIT, () -> "Bob's speaker to carry Alice's 440 Hz: "
                    + Hearing.describe(bobHears, 440));
            Waits.until(() -> Hearing.hears(aliceHears, 660), WAIT, () -> "Alice's speaker to carry Bob's 660 Hz: "
                    + Hearing.describe(aliceHears, 660));
            assertThat(call.localMediaStream().audioTrack().level()).as("Alice's own level").isGreaterThan(0.02);
            AudioTrack bobAtAlice = call.remoteAudioTrack(BOB).orElseThrow();
            assertThat(bobAtAlice.level()).as("Bob's level at Alice").isGreaterThan(0.002);

            bobAtAlice.setEnabled(false); // silenced at Alice: not measured either
            assertThat(bobAtAlice.level()).as("Bob's level while Alice silences him").isZero();
            bobAtAlice.setEnabled(true);
            Waits.until(() -> bobAtAlice.level() > 0.002, WAIT, () -> "Bob's level measured again: " + bobAtAlice.level());
        }
    }

    @Test
    void switchingTheMicrophoneMidCallIsHeardWithinTwoSeconds(Pulse pulse) {
        try (Pulse.Recording bobHears = pulse.record("bob-ears")) {
            audioCall();
            Waits.until(() -> Hearing.hears(bobHears, 440), WAIT, () -> "Alice's first voice at Bob: "
                    + Hearing.describe(bobHears, 440));

            long switched = System.nanoTime();
            harness.existing(ALICE).setMicrophone(microphone("alice-second-voice"));
            Waits.until(() -> Hearing.hears(bobHears, 880), Duration.ofSeconds(2), () -> "880 Hz at Bob within 2 s of"
                    + " the switch: " + Hearing.describe(bobHears, 880));
            System.out.printf("microphone switch heard after %d ms%n", (System.nanoTime() - switched) / 1_000_000);
            assertThat(harness.existing(ALICE).microphone()).contains(microphone("alice-second-voice"));
        }
    }

    @Test
    void mutingSilencesTheOtherSideWithinOneSecondAndUnmutingBringsTheVoiceBack(Pulse pulse) {
        try (Pulse.Recording bobHears = pulse.record("bob-ears")) {
            CallSession call = audioCall();
            Waits.until(() -> Hearing.hears(bobHears, 440), WAIT, () -> "Alice's voice at Bob: "
                    + Hearing.describe(bobHears, 440));

            call.localMediaStream().audioTrack().setEnabled(false);
            Waits.until(() -> Hearing.loudnessDb(bobHears) < -50, Duration.ofMillis(1500), () -> "Bob's speaker below"
                    + " -50 dBFS within 1 s of the mute: " + Hearing.describe(bobHears, 440));
            assertThat(call.localMediaStream().audioTrack().level()).as("a muted microphone's level").isZero();

            call.localMediaStream().audioTrack().setEnabled(true);
            Waits.until(() -> Hearing.hears(bobHears, 440), WAIT, () -> "Alice's voice back at Bob: "
                    + Hearing.describe(bobHears, 440));
        }
    }

    /** Alice (440 Hz, her own ears) calls Bob (660 Hz, his own ears); returns Alice's session once both hear. */
    private CallSession audioCall() {
        harness = CallHarness.realTime();
        CallClient alice = harness.client(ALICE, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
        CallClient bob = harness.client(BOB, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
        alice.setMicrophone(microphone("alice-voice"));
        alice.setSpeaker(speaker("alice-ears"));
        bob.setMicrophone(microphone("bob-voice"));
        bob.setSpeaker(speaker("bob-ears"));
        CallSession call = harness.call(ALICE, List.of(BOB), ConferenceType.AUDIO, Map.of());
        harness.received(BOB).acceptCall(Map.of());
        harness.log(ALICE).awaitEvent("connectedToUser " + BOB);
        return call;
    }

    static AudioDevice microphone(String id) {
        return Devices.microphones().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no microphone " + id + " in " + Devices.microphones()));
    }

    static AudioDevice speaker(String id) {
        return Devices.speakers().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no speaker " + id + " in " + Devices.speakers()));
    }
}
