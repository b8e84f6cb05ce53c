package dev.parley.engine;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.parley.engine.internal.NativeLibrary;
import java.util.Comparator;
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
    private final VideoDeviceSource source;

    /**
     * Opens {@code device} for capture in {@code format}; frames flow once started.
     *
     * @throws MediaException if the device does not exist (any more) or cannot be opened
     */
    public CameraCapture(VideoFormat format, CameraDevice device) {
        super(format);
        this.device = Objects.requireNonNull(device, "device");
        VideoDevice nativeDevice = findDevice(device);
        VideoDeviceSource created = NativeTracker.opened("video source", new VideoDeviceSource());
        try {
            created.setVideoCaptureDevice(nativeDevice);
            created.setVideoCaptureCapability(closestCapability(nativeDevice, format));
        } catch (RuntimeException e) {
            created.dispose();
            NativeTracker.closed("video source");
            throw new MediaException("camera '" + device.name() + "' could not be set up for " + format, e);
        }
        source = created;
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
        return nativeDevices().stream().map(d -> new CameraDevice(d.getName(), d.getDescriptor())).toList();
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

    private static List<VideoDevice> nativeDevices() {
        NativeLibrary.load();
        synchronized (CameraCapture.class) {
            try {
                return List.copyOf(MediaDevices.getVideoCaptureDevices());
            } catch (RuntimeException e) {
                throw new MediaException("the cameras of this machine could not be listed", e);
            }
        }
    }

    private static VideoDevice findDevice(CameraDevice wanted) {
        return nativeDevices().stream()
                .filter(d -> Objects.equals(d.getDescriptor(), wanted.id()))
                .findFirst()
                .orElseThrow(() -> new MediaException("camera '" + wanted.name() + "' (" + wanted.id()
                        + ") is not connected: choose one of " + devices()));
    }

    private static VideoCaptureCapability closestCapability(VideoDevice device, VideoFormat format) {
        List<VideoCaptureCapability> capabilities = MediaDevices.getVideoCaptureCapabilities(device);
        return capabilities.stream()
                .min(Comparator.comparingInt((VideoCaptureCapability c) ->
                        Math.abs(c.width * c.height - format.width() * format.height()))
                        .thenComparingInt(c -> Math.abs(c.frameRate - format.frameRate())))
                .orElse(new VideoCaptureCapability(format.width(), format.height(), format.frameRate()));
    }

    @Override
    VideoTrackSource source() {
        return source;
    }

    @Override
    void startFrames() {
        try {
            source.start();
        } catch (RuntimeException e) {
            throw new MediaException("camera '" + device.name() + "' could not be started", e);
        }
    }

    @Override
    void stopFrames() {
        source.stop();
    }

    @Override
    void releaseSource() {
        source.dispose();
        NativeTracker.closed("video source");
    }

    @Override
    public String toString() {
        return "CameraCapture[" + device.name() + ", " + format() + "]";
    }
}
