package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.MediaException;
import dev.parley.engine.internal.DeviceSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Not API. The machine's microphones, speakers and cameras, as webrtc-java's
 * {@code MediaDevices} reports them. Its PulseAudio side keeps its lists up to date from the
 * server's events, so reading them is cheap; its change listener is not used (it is reported
 * to crash on Linux, upstream issue #55): {@link DeviceWatch} polls instead. Without a sound
 * system (see {@link AudioEnvironment}) the audio lists are empty.
 *
 * <p>Threading: thread safe; every {@code MediaDevices} call in Parley holds {@link #LOCK}.
 */
public final class SystemDevices {

    /** Serialises the calls into {@code MediaDevices}, whose native side is not thread safe. */
    static final Object LOCK = new Object();

    private static final Comparator<AudioDevice> BY_NAME = Comparator.comparing(AudioDevice::name)
            .thenComparing(AudioDevice::id);

    private SystemDevices() {
    }

    /** What is plugged in now. */
    public static DeviceSnapshot snapshot() {
        List<CameraDevice> cameras = CameraSource.devices();
        if (!AudioEnvironment.soundSystemReachable()) {
            return new DeviceSnapshot(List.of(), List.of(), cameras, Optional.empty(), Optional.empty());
        }
        synchronized (LOCK) {
            return new DeviceSnapshot(
                    audio(MediaDevices::getAudioCaptureDevices, AudioDevice.Kind.MICROPHONE),
                    audio(MediaDevices::getAudioRenderDevices, AudioDevice.Kind.SPEAKER),
                    cameras,
                    defaultDevice(MediaDevices::getDefaultAudioCaptureDevice, AudioDevice.Kind.MICROPHONE),
                    defaultDevice(MediaDevices::getDefaultAudioRenderDevice, AudioDevice.Kind.SPEAKER));
        }
    }

    private static List<AudioDevice> audio(Supplier<List<? extends Device>> list, AudioDevice.Kind kind) {
        try {
            return list.get().stream().map(d -> toAudioDevice(d, kind)).sorted(BY_NAME).toList();
        } catch (RuntimeException e) {
            throw new MediaException("the " + (kind == AudioDevice.Kind.MICROPHONE ? "microphones" : "speakers")
                    + " of this machine could not be listed", e);
        }
    }

    private static Optional<AudioDevice> defaultDevice(Supplier<? extends Device> device, AudioDevice.Kind kind) {
        try {
            Device found = device.get();
            return found == null || found.getDescriptor() == null || found.getDescriptor().isEmpty()
                    ? Optional.empty() : Optional.of(toAudioDevice(found, kind));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static AudioDevice toAudioDevice(Device device, AudioDevice.Kind kind) {
        String id = device.getDescriptor() != null ? device.getDescriptor() : device.getName();
        return new AudioDevice(id, device.getName() != null ? device.getName() : id, kind);
    }
}
