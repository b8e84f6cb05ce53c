package dev.parley.engine.internal;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.DeviceListener;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Not API. The devices plugged in at one moment, and what changed between two such moments,
 * told to a {@link DeviceListener}.
 *
 * <p>Threading: immutable.
 *
 * @param microphones by name
 * @param speakers by name
 * @param cameras in the system's order
 * @param defaultMicrophone the system default, when it is one of {@code microphones}
 * @param defaultSpeaker the system default, when it is one of {@code speakers}
 */
public record DeviceSnapshot(List<AudioDevice> microphones, List<AudioDevice> speakers, List<CameraDevice> cameras,
        Optional<AudioDevice> defaultMicrophone, Optional<AudioDevice> defaultSpeaker) {

    /** Copies the lists and drops a default that is not in its list (a monitor, a device going away). */
    public DeviceSnapshot {
        microphones = List.copyOf(microphones);
        speakers = List.copyOf(speakers);
        cameras = List.copyOf(cameras);
        List<AudioDevice> mics = microphones;
        List<AudioDevice> outs = speakers;
        defaultMicrophone = defaultMicrophone.filter(mics::contains);
        defaultSpeaker = defaultSpeaker.filter(outs::contains);
    }

    /** No devices at all. */
    public static DeviceSnapshot empty() {
        return new DeviceSnapshot(List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** Whether {@code device} is plugged in. */
    public boolean contains(AudioDevice device) {
        return (device.kind() == AudioDevice.Kind.MICROPHONE ? microphones : speakers).contains(device);
    }

    /** The system default of {@code kind}. */
    public Optional<AudioDevice> defaultOf(AudioDevice.Kind kind) {
        return kind == AudioDevice.Kind.MICROPHONE ? defaultMicrophone : defaultSpeaker;
    }

    /** Tells {@code listener} what {@code next} has that this has not, and the other way round: removals first. */
    public void announceChanges(DeviceSnapshot next, DeviceListener listener) {
        removed(microphones, next.microphones).forEach(listener::microphoneRemoved);
        removed(speakers, next.speakers).forEach(listener::speakerRemoved);
        removed(cameras, next.cameras).forEach(listener::cameraRemoved);
        removed(next.microphones, microphones).forEach(listener::microphoneAdded);
        removed(next.speakers, speakers).forEach(listener::speakerAdded);
        removed(next.cameras, cameras).forEach(listener::cameraAdded);
        if (!Objects.equals(defaultMicrophone, next.defaultMicrophone)) {
            listener.defaultMicrophoneChanged(next.defaultMicrophone);
        }
        if (!Objects.equals(defaultSpeaker, next.defaultSpeaker)) {
            listener.defaultSpeakerChanged(next.defaultSpeaker);
        }
    }

    /** Whether anything differs. */
    public boolean differsFrom(DeviceSnapshot other) {
        return !equals(other);
    }

    private static <T> List<T> removed(List<T> before, List<T> after) {
        return before.stream().filter(d -> !after.contains(d)).toList();
    }
}
