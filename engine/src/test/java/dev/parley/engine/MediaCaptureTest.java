package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Captures: the missing camera fails clearly; captures have a lifecycle. */
class MediaCaptureTest {

    @Test
    void machineWithoutCameraListsNoneAndOpeningOneFailsClearly() {
        // CI machines have no camera; on a machine with one this test says so instead of passing blindly
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null || CameraCapture.devices().isEmpty(),
                "this machine has a camera; the no-camera path is covered on CI");
        assertThat(CameraCapture.devices()).isEmpty();
        assertThatThrownBy(() -> new CameraCapture(VideoFormat.DEFAULT))
                .isInstanceOf(MediaException.class)
                .hasMessage("this machine has no camera: connect one, or use a TestPatternCapture instead");
    }

    @Test
    void unknownCameraDeviceIsRefusedByName() {
        assertThatThrownBy(() -> new CameraCapture(VideoFormat.DEFAULT, new CameraDevice("Ghost Cam", "/dev/video99")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("camera 'Ghost Cam' (/dev/video99) is not connected");
    }

    @Test
    void testPatternCaptureStartsStopsAndClosesOnce() {
        TestPatternCapture capture = new TestPatternCapture(new VideoFormat(320, 240, 15, PixelFormat.FORMAT_420F));
        capture.startSession();
        assertThat(capture.isRunning()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("parley-test-pattern-"));
        capture.stopSession();
        assertThat(capture.isRunning()).isFalse();
        capture.close();
        capture.close();
        assertThat(capture.isClosed()).isTrue();
        assertThatThrownBy(capture::startSession).isInstanceOf(IllegalStateException.class)
                .hasMessage("TestPatternCapture[320x240@15 FORMAT_420F] is closed");
    }

    @Test
    void videoFormatRejectsOddSizesAndRates() {
        assertThatThrownBy(() -> new VideoFormat(641, 480, 30, PixelFormat.FORMAT_420F))
                .hasMessageContaining("641x480 is not supported");
        assertThatThrownBy(() -> new VideoFormat(640, 480, 0, PixelFormat.FORMAT_420F))
                .hasMessageContaining("frame rate 0");
    }
}
