package dev.parley.engine;

import java.util.Optional;

/**
 * Hears microphones, speakers and cameras come and go, as {@link Devices#addListener} reports
 * them: within about a second of the change. Every method does nothing by default; implement
 * the ones you need.
 *
 * <p>Threading: called on the executor given to {@code addListener} (the AWT event thread by
 * default), one event at a time, in order.
 */
public interface DeviceListener {

    /** A microphone was plugged in. */
    default void microphoneAdded(AudioDevice microphone) {
    }

    /** A microphone was unplugged. A client that used it has moved to the default ({@link CallListener#audioDeviceChanged}). */
    default void microphoneRemoved(AudioDevice microphone) {
    }

    /** A speaker (headphones, a headset) was plugged in. */
    default void speakerAdded(AudioDevice speaker) {
    }

    /** A speaker was unplugged. */
    default void speakerRemoved(AudioDevice speaker) {
    }

    /** A camera was plugged in. */
    default void cameraAdded(CameraDevice camera) {
    }

    /** A camera was unplugged; a capture that used it ends ({@link VideoCapture}). */
    default void cameraRemoved(CameraDevice camera) {
    }

    /** The system's default microphone changed (empty: there is none now). */
    default void defaultMicrophoneChanged(Optional<AudioDevice> microphone) {
    }

    /** The system's default speaker changed (empty: there is none now). */
    default void defaultSpeakerChanged(Optional<AudioDevice> speaker) {
    }
}
