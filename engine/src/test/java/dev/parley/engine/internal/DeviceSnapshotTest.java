package dev.parley.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.AudioDevice.Kind;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.DeviceListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a device listener hears between two looks at the machine's devices. */
class DeviceSnapshotTest {

    private static final AudioDevice MIC = new AudioDevice("mic", "Built-in microphone", Kind.MICROPHONE);
    private static final AudioDevice HEADSET_MIC = new AudioDevice("hs-in", "Headset", Kind.MICROPHONE);
    private static final AudioDevice SPEAKER = new AudioDevice("spk", "Speakers", Kind.SPEAKER);
    private static final AudioDevice HEADSET = new AudioDevice("hs-out", "Headset", Kind.SPEAKER);
    private static final CameraDevice CAMERA = new CameraDevice("Webcam", "/dev/video0");

    @Test
    void aHeadsetPluggedInIsAddedAndBecomesTheDefault() {
        DeviceSnapshot before = new DeviceSnapshot(List.of(MIC), List.of(SPEAKER), List.of(CAMERA), Optional.of(MIC),
                Optional.of(SPEAKER));
        DeviceSnapshot after = new DeviceSnapshot(List.of(MIC, HEADSET_MIC), List.of(SPEAKER, HEADSET),
                List.of(CAMERA), Optional.of(HEADSET_MIC), Optional.of(HEADSET));

        assertThat(heard(before, after)).containsExactly("microphoneAdded hs-in", "speakerAdded hs-out",
                "defaultMicrophoneChanged hs-in", "defaultSpeakerChanged hs-out");
        assertThat(heard(after, before)).containsExactly("microphoneRemoved hs-in", "speakerRemoved hs-out",
                "defaultMicrophoneChanged mic", "defaultSpeakerChanged spk");
    }

    @Test
    void aCameraUnpluggedIsRemoved() {
        DeviceSnapshot before = new DeviceSnapshot(List.of(), List.of(), List.of(CAMERA), Optional.empty(),
                Optional.empty());
        assertThat(heard(before, DeviceSnapshot.empty())).containsExactly("cameraRemoved /dev/video0");
        assertThat(before.differsFrom(DeviceSnapshot.empty())).isTrue();
        assertThat(heard(before, before)).isEmpty();
    }

    @Test
    void aDefaultThatIsNotInTheListIsNoDefault() {
        DeviceSnapshot monitorAsDefault = new DeviceSnapshot(List.of(MIC), List.of(), List.of(),
                Optional.of(new AudioDevice("spk.monitor", "Monitor of Speakers", Kind.MICROPHONE)), Optional.empty());
        assertThat(monitorAsDefault.defaultMicrophone()).isEmpty();
        assertThat(monitorAsDefault.contains(MIC)).isTrue();
        assertThat(monitorAsDefault.contains(SPEAKER)).isFalse();
    }

    private static List<String> heard(DeviceSnapshot before, DeviceSnapshot after) {
        List<String> events = new ArrayList<>();
        before.announceChanges(after, new DeviceListener() {
            @Override
            public void microphoneAdded(AudioDevice microphone) {
                events.add("microphoneAdded " + microphone.id());
            }

            @Override
            public void microphoneRemoved(AudioDevice microphone) {
                events.add("microphoneRemoved " + microphone.id());
            }

            @Override
            public void speakerAdded(AudioDevice speaker) {
                events.add("speakerAdded " + speaker.id());
            }

            @Override
            public void speakerRemoved(AudioDevice speaker) {
                events.add("speakerRemoved " + speaker.id());
            }

            @Override
            public void cameraRemoved(CameraDevice camera) {
                events.add("cameraRemoved " + camera.id());
            }

            @Override
            public void defaultMicrophoneChanged(Optional<AudioDevice> microphone) {
                events.add("defaultMicrophoneChanged " + microphone.map(AudioDevice::id).orElse("none"));
            }

            @Override
            public void defaultSpeakerChanged(Optional<AudioDevice> speaker) {
                events.add("defaultSpeakerChanged " + speaker.map(AudioDevice::id).orElse("none"));
            }
        });
        return events;
    }
}
