package dev.parley.engine;

import dev.parley.engine.internal.rtc.CameraSource;
import java.util.List;
import java.util.Objects;

/**
 * A real camera, opened through webrtc-java, as QuickBlox's {@code QBRTCCameraCapture}. Where
 * iOS chooses the front or back camera by position, a desktop chooses a device from
 * {@link #devices()}. The camera delivers the capability closest to the requested
 * {@link VideoFormat}.
 *
 * <p>Threading: thread safe.
 */
public final class CameraCapture extends VideoCapture {

    private final CameraDevice device;

    /**
     * Opens {@code device} for capture in {@code format}; frames flow once started.
     *
     * @throws MediaException if the device does not exist (any more) or cannot be opened
     */
    public CameraCapture(VideoFormat format, CameraDevice device) {
        super(Objects.requireNonNull(format, "format"), new CameraSource(Objects.requireNonNull(device, "device"), format));
        this.device = device;
    }

    /**
     * Opens the first camera in {@code format}.
     *
     * @throws MediaException if the machine has no camera
     */
    public CameraCapture(VideoFormat format) {
        this(format, firstDevice());
    }

    /**
     * The cameras this machine has, in the system's order; empty when there are none.
     *
     * @throws MediaException if the native library cannot be loaded
     */
    public static List<CameraDevice> devices() {
        return CameraSource.devices();
    }

    /** The camera this capture uses. */
    public CameraDevice device() {
        return device;
    }

    private static CameraDevice firstDevice() {
        List<CameraDevice> all = devices();
        if (all.isEmpty()) {
            throw new MediaException("this machine has no camera: connect one, or use a TestPatternCapture instead");
        }
        return all.get(0);
    }

    @Override
    public String toString() {
        return "CameraCapture[" + device.name() + ", " + format() + "]";
    }
}
