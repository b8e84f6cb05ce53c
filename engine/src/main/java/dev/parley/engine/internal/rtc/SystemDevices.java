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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The machine's microphones, speakers and cameras, as webrtc-java's
 * {@code MediaDevices} reports them. Its PulseAudio side keeps its lists up to date from the
 * server's events, so reading them is cheap; its change listener is not used (it is reported
 * to crash on Linux, upstream issue #55): {@link DeviceWatch} polls instead. Without a sound
 * system (see {@link AudioEnvironment}) the audio lists are empty.
 *
 * <p>Threading: thread safe; every {@code MediaDevices} listing in Parley goes through
 * {@link #locked}.
 */
public final class SystemDevices {

    /**
     * Serialises the calls into {@code MediaDevices}, whose native side is not thread safe. Taken
     * through {@link #locked} only, which gives up rather than wait for ever: a sound server that
     * does not answer can hold a native call (and so this lock) indefinitely.
     */
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final long LOCK_WAIT_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(SystemDevices.class);
    private static volatile boolean stuck;

    private static final Comparator<AudioDevice> BY_NAME = Comparator.comparing(AudioDevice::name)
            .thenComparing(AudioDevice::id);

    private SystemDevices() {
    }

    /**
     * Runs a {@code MediaDevices} call holding the lock. When another call has held it for
     * {@value #LOCK_WAIT_MILLIS} ms it gives up with a {@link MediaException}, and while that
     * call stays stuck, later ones give up at once instead of waiting again.
     */
    static <T> T locked(Supplier<T> call) {
        boolean acquired;
        try {
            acquired = stuck ? LOCK.tryLock() : LOCK.tryLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while waiting to list devices", e);
        }
        if (!acquired) {
            if (!stuck) {
                log.warn("devices: a native device call has not returned for {} ms; listing gives up until it does",
                        LOCK_WAIT_MILLIS);
            }
            stuck = true;
            throw new MediaException("the system's device list does not answer (a sound server that hangs?)");
        }
        stuck = false;
        try {
            return call.get();
        } finally {
            LOCK.unlock();
        }
    }

    /** What is plugged in now; what cannot be listed now (a device list that hangs) is left empty. */
    public static DeviceSnapshot snapshot() {
        List<CameraDevice> cameras;
        try {
            cameras = CameraSource.devices();
        } catch (MediaException e) {
            cameras = List.of();
        }
        if (!AudioEnvironment.soundSystemReachable()) {
            return new DeviceSnapshot(List.of(), List.of(), cameras, Optional.empty(), Optional.empty());
        }
        List<CameraDevice> found = cameras;
        try {
            return locked(() -> new DeviceSnapshot(
                    audio(MediaDevices::getAudioCaptureDevices, AudioDevice.Kind.MICROPHONE),
                    audio(MediaDevices::getAudioRenderDevices, AudioDevice.Kind.SPEAKER),
                    found,
                    defaultDevice(MediaDevices::getDefaultAudioCaptureDevice, AudioDevice.Kind.MICROPHONE),
                    defaultDevice(MediaDevices::getDefaultAudioRenderDevice, AudioDevice.Kind.SPEAKER)));
        } catch (MediaException e) {
            return new DeviceSnapshot(List.of(), List.of(), found, Optional.empty(), Optional.empty());
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
