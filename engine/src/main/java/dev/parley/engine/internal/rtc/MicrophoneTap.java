package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.MediaException;
import dev.parley.engine.internal.AudioLevel;

/**
 * Not API. Listens to a microphone to tell how loud it is, with an audio device module of its
 * own, beside the one that sends: it works before a call (a settings dialog's meter), hears
 * the microphone even while the call's track is muted, and follows a change of device.
 *
 * <p>Lifecycle: records from construction until {@link #close}, which frees the module.
 *
 * <p>Threading: thread safe.
 */
public final class MicrophoneTap implements AutoCloseable {

    private final AudioDeviceModule module;
    private final AudioModuleControl control;
    private final AudioLevel level = new AudioLevel();
    private volatile boolean closed;

    /**
     * Starts listening to {@code microphone}, or to the system default when it is null.
     *
     * @throws MediaException if the device cannot be opened
     */
    public MicrophoneTap(AudioDevice microphone) {
        NativeLibrary.load();
        module = NativeTracker.opened("microphone tap", new AudioDeviceModule());
        try {
            control = new AudioModuleControl(module);
            module.setAudioSink((samples, frames, bytesPerFrame, channels, rate, delay, drift) ->
                    level.addPcm16(samples, frames * bytesPerFrame));
            control.useMicrophone(microphone);
            module.initRecording();
            module.startRecording();
        } catch (RuntimeException | Error e) {
            release();
            throw e instanceof MediaException me ? me
                    : new MediaException("the microphone could not be opened for its level: " + e.getMessage(), e);
        }
    }

    /** Listens to {@code microphone} (null: the system default) from now on. */
    synchronized void use(AudioDevice microphone) {
        if (!closed) {
            control.useMicrophone(microphone);
            level.reset();
        }
    }

    /** How loud the microphone is now, 0.0 to 1.0. */
    public double level() {
        return closed ? 0 : level.level();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            module.stopRecording();
        } catch (Error e) {
            // not recording: nothing to stop
        }
        release();
    }

    private void release() {
        closed = true;
        module.dispose();
        NativeTracker.closed("microphone tap");
    }
}
