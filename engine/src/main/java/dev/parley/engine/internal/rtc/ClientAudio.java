package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.MediaException;
import dev.parley.engine.Subscription;
import dev.parley.engine.internal.DeviceSnapshot;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. One client's microphone and speaker: which ones its audio device module uses (the
 * system default until one is chosen), the tap that tells how loud the microphone is, and the
 * fallback to the default when the device in use is unplugged.
 *
 * <p>Lifecycle: owned by the client's {@link RtcEngine}; {@link #close} stops the watch and the
 * tap (the engine frees the module).
 *
 * <p>Threading: engine thread, except {@link #microphoneLevel} and the reads marked thread safe.
 */
public final class ClientAudio {

    private static final Logger log = LoggerFactory.getLogger(ClientAudio.class);

    private final RtcEngine rtc;
    private final AudioModuleControl control;
    private volatile AudioDevice microphone;
    private volatile AudioDevice speaker;
    private MicrophoneTap tap;
    private int tapUsers;
    private Subscription watch;
    private Consumer<AudioDevice> changed = device -> { };

    /** {@code module} null: headless audio, no devices to choose. */
    ClientAudio(RtcEngine rtc, AudioDeviceModuleBase module) {
        this.rtc = rtc;
        this.control = module == null ? null : new AudioModuleControl(module);
    }

    /** Whether this client plays and records through real sound devices. Thread safe. */
    public boolean hasDevices() {
        return control != null;
    }

    /**
     * Starts following unplugged devices; {@code changed} hears the device used instead, on
     * the engine thread.
     */
    public void watch(Consumer<AudioDevice> changed) {
        if (control == null || watch != null) {
            return;
        }
        this.changed = changed;
        watch = DeviceWatch.instance().watch((before, after) -> rtc.execute(() -> devicesChanged(before, after)));
    }

    /** The chosen microphone, or the system default. Thread safe. */
    public Optional<AudioDevice> microphone() {
        return chosenOrDefault(microphone, AudioDevice.Kind.MICROPHONE);
    }

    /** The chosen speaker, or the system default. Thread safe. */
    public Optional<AudioDevice> speaker() {
        return chosenOrDefault(speaker, AudioDevice.Kind.SPEAKER);
    }

    /**
     * Records from {@code device} (null: the system default) from now on, also mid-call.
     *
     * @throws MediaException if it is not plugged in or cannot be opened; nothing changes then
     */
    public void useMicrophone(AudioDevice device) {
        requireDevices();
        requirePresent(device);
        control.useMicrophone(device);
        microphone = device;
        if (tap != null) {
            tap.use(device);
        }
        log.info("microphone: {}", device == null ? "the system default" : device.name());
    }

    /** Plays on {@code device} (null: the system default) from now on, also mid-call. */
    public void useSpeaker(AudioDevice device) {
        requireDevices();
        requirePresent(device);
        control.useSpeaker(device);
        speaker = device;
        log.info("speaker: {}", device == null ? "the system default" : device.name());
    }

    /** A session with audio opened: the tap listens while any is open. */
    void tapOpened() {
        if (control == null || tapUsers++ > 0) {
            return;
        }
        try {
            tap = new MicrophoneTap(microphone);
        } catch (MediaException e) {
            log.warn("the microphone's level is not available: {}", e.getMessage());
        }
    }

    /** A session with audio closed. */
    void tapClosed() {
        if (control == null || tapUsers == 0 || --tapUsers > 0) {
            return;
        }
        if (tap != null) {
            tap.close();
            tap = null;
        }
    }

    /** How loud the microphone is now (0.0 to 1.0; 0 outside calls and without devices). Thread safe. */
    public double microphoneLevel() {
        MicrophoneTap current = tap;
        return current == null ? 0 : current.level();
    }

    void close() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (tap != null) {
            tap.close();
            tap = null;
        }
        tapUsers = 0;
    }

    private void devicesChanged(DeviceSnapshot before, DeviceSnapshot after) {
        AudioDevice mic = fallBackIfGone(microphone, before, after, AudioDevice.Kind.MICROPHONE);
        if (mic != null || (microphone == null && !before.defaultMicrophone().equals(after.defaultMicrophone()))) {
            moveTo(after.defaultMicrophone().orElse(null), AudioDevice.Kind.MICROPHONE);
        }
        AudioDevice out = fallBackIfGone(speaker, before, after, AudioDevice.Kind.SPEAKER);
        if (out != null || (speaker == null && !before.defaultSpeaker().equals(after.defaultSpeaker()))) {
            moveTo(after.defaultSpeaker().orElse(null), AudioDevice.Kind.SPEAKER);
        }
    }

    /** The device that was in use and is gone, or null. */
    private static AudioDevice fallBackIfGone(AudioDevice chosen, DeviceSnapshot before, DeviceSnapshot after,
            AudioDevice.Kind kind) {
        AudioDevice inUse = chosen != null ? chosen : before.defaultOf(kind).orElse(null);
        return inUse != null && !after.contains(inUse) ? inUse : null;
    }

    /** Uses the system default again (it may be a new one) and says which device that is. */
    private void moveTo(AudioDevice newDefault, AudioDevice.Kind kind) {
        try {
            if (kind == AudioDevice.Kind.MICROPHONE) {
                control.useMicrophone(null);
                microphone = null;
                if (tap != null) {
                    tap.use(null);
                }
            } else {
                control.useSpeaker(null);
                speaker = null;
            }
        } catch (MediaException | Error e) {
            log.warn("could not move to the default {}: {}", kind.name().toLowerCase(java.util.Locale.ROOT),
                    e.getMessage());
            return;
        }
        log.info("{} is now the system default: {}", kind == AudioDevice.Kind.MICROPHONE ? "microphone" : "speaker",
                newDefault == null ? "none" : newDefault.name());
        if (newDefault != null) {
            changed.accept(newDefault);
        }
    }

    private Optional<AudioDevice> chosenOrDefault(AudioDevice chosen, AudioDevice.Kind kind) {
        if (control == null) {
            return Optional.empty();
        }
        return chosen != null ? Optional.of(chosen) : DeviceWatch.instance().current().defaultOf(kind);
    }

    private void requireDevices() {
        if (control == null) {
            throw new MediaException("this client runs without sound devices (no sound server was found, or"
                    + " AudioDeviceMode.HEADLESS was chosen)");
        }
    }

    private static void requirePresent(AudioDevice device) {
        if (device != null && !DeviceWatch.instance().current().contains(device)) {
            throw new MediaException((device.kind() == AudioDevice.Kind.MICROPHONE ? "microphone" : "speaker") + " '"
                    + device.name() + "' (" + device.id() + ") is not connected");
        }
    }
}
