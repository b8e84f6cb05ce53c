package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.MediaException;
import dev.parley.engine.VideoFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Not API. The native half of {@code CameraCapture}: a webrtc-java device source on one camera
 * at the capability closest to the asked format, and the listing of cameras.
 *
 * <p>Threading: {@link CaptureSource}'s; {@link #devices()} from any thread.
 */
public final class CameraSource implements CaptureSource {

    private final CameraDevice device;
    private final VideoDeviceSource source;

    /**
     * Opens {@code device} in {@code format}.
     *
     * @throws MediaException if the device does not exist (any more) or cannot be set up
     */
    public CameraSource(CameraDevice device, VideoFormat format) {
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
     * The cameras this machine has, in the system's order; empty when there are none.
     *
     * @throws MediaException if the native library cannot be loaded or the listing fails
     */
    public static List<CameraDevice> devices() {
        return nativeDevices().stream().map(d -> new CameraDevice(d.getName(), d.getDescriptor())).toList();
    }

    @Override
    public VideoTrackSource nativeSource() {
        return source;
    }

    @Override
    public void start() {
        try {
            source.start();
        } catch (RuntimeException e) {
            throw new MediaException("camera '" + device.name() + "' could not be started", e);
        }
    }

    @Override
    public void stop() {
        source.stop();
    }

    @Override
    public void release() {
        source.dispose();
        NativeTracker.closed("video source");
    }

    private static List<VideoDevice> nativeDevices() {
        NativeLibrary.load();
        return SystemDevices.locked(() -> {
            try {
                return List.copyOf(MediaDevices.getVideoCaptureDevices());
            } catch (RuntimeException e) {
                throw new MediaException("the cameras of this machine could not be listed", e);
            }
        });
    }

    private static VideoDevice findDevice(CameraDevice wanted) {
        return nativeDevices().stream()
                .filter(d -> Objects.equals(d.getDescriptor(), wanted.id()))
                .findFirst()
                .orElseThrow(() -> new MediaException("camera '" + wanted.name() + "' (" + wanted.id()
                        + ") is not connected: choose one of " + devices()));
    }

    private static VideoCaptureCapability closestCapability(VideoDevice device, VideoFormat format) {
        List<VideoCaptureCapability> capabilities =
                SystemDevices.locked(() -> MediaDevices.getVideoCaptureCapabilities(device));
        return capabilities.stream()
                .min(Comparator.comparingInt((VideoCaptureCapability c) ->
                        Math.abs(c.width * c.height - format.width() * format.height()))
                        .thenComparingInt(c -> Math.abs(c.frameRate - format.frameRate())))
                .orElse(new VideoCaptureCapability(format.width(), format.height(), format.frameRate()));
    }
}
