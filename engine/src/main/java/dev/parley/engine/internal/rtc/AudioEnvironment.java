package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.parley.engine.AudioDeviceMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether this machine can give the engine a real microphone and speaker. On Linux,
 * webrtc-java's device listing blocks for good when PulseAudio is installed but no sound server
 * runs (a server, a CI machine), so the listing is only tried when a sound server or a sound
 * card is visible, and then with a time limit. The answer is worked out once per JVM: every
 * client after the first reuses it instead of probing again.
 *
 * <p>Threading: thread safe.
 */
final class AudioEnvironment {

    private static final Logger log = LoggerFactory.getLogger(AudioEnvironment.class);
    private static final long PROBE_SECONDS = 3;

    private static volatile AudioDeviceMode detected;
    private static volatile boolean reachable;

    private AudioEnvironment() {
    }

    /**
     * Whether a sound system answers (its devices can be listed), even one without a microphone
     * or a speaker now: devices may be plugged in later.
     */
    static boolean soundSystemReachable() {
        detect();
        return reachable;
    }

    /** {@link AudioDeviceMode#SYSTEM} when this machine has usable audio devices, else {@code HEADLESS}. */
    static AudioDeviceMode detect() {
        AudioDeviceMode mode = detected;
        if (mode == null) {
            synchronized (AudioEnvironment.class) {
                mode = detected;
                if (mode == null) {
                    mode = probe();
                    detected = mode;
                }
            }
        }
        return mode;
    }

    private static AudioDeviceMode probe() {
        if (isLinux() && !soundServerOrCardVisible()) {
            log.info("no sound server or sound card found; using headless audio");
            return AudioDeviceMode.HEADLESS;
        }
        NativeLibrary.load();
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread prober = new Thread(() -> {
            try {
                boolean both = SystemDevices.locked(() -> !MediaDevices.getAudioCaptureDevices().isEmpty()
                        && !MediaDevices.getAudioRenderDevices().isEmpty());
                reachable = true;
                probe.complete(both);
            } catch (RuntimeException e) {
                probe.completeExceptionally(e);
            }
        }, "parley-audio-probe");
        prober.setDaemon(true);
        prober.start();
        try {
            return probe.get(PROBE_SECONDS, TimeUnit.SECONDS) ? AudioDeviceMode.SYSTEM : AudioDeviceMode.HEADLESS;
        } catch (Exception e) {
            log.warn("audio devices could not be listed within {} s ({}); using headless audio", PROBE_SECONDS,
                    e.getClass().getSimpleName());
            return AudioDeviceMode.HEADLESS;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    private static boolean soundServerOrCardVisible() {
        if (System.getenv("PULSE_SERVER") != null) {
            return true;
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && (Files.exists(Path.of(runtime, "pulse", "native"))
                || Files.exists(Path.of(runtime, "pipewire-0")))) {
            return true;
        }
        if (Files.exists(Path.of("/var/run/pulse/native"))) {
            return true;
        }
        try {
            Path cards = Path.of("/proc/asound/cards");
            return Files.exists(cards) && !Files.readString(cards).contains("no soundcards");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
