package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A preview before a call: frames from its capture, one capture at a time, closed with itself or its client. */
class VideoPreviewTest {

    @Test
    void aPreviewShowsItsCaptureReplacesItAndClosesWithItsClient() {
        try (CallHarness calls = CallHarness.realTime()) {
            CallClient client = calls.client(9701);
            TestPatternCapture first = new TestPatternCapture();
            VideoPreview preview = VideoPreview.open(client, first);
            AtomicInteger frames = new AtomicInteger();
            preview.videoTrack().addSink(frame -> frames.incrementAndGet());
            Waits.until(() -> frames.get() >= 5, Duration.ofSeconds(5), () -> "frames in the preview");

            TestPatternCapture second = new TestPatternCapture();
            preview.setVideoCapture(second);
            assertThat(first.isClosed()).as("the replaced capture is closed").isTrue();
            assertThat(preview.videoCapture()).containsSame(second);
            int before = frames.get();
            Waits.until(() -> frames.get() >= before + 5, Duration.ofSeconds(5), () -> "frames from the second capture");

            client.close();
            assertThat(second.isClosed()).as("the client closes its preview and its capture").isTrue();
            preview.close(); // nothing left to do, and no crash
            try (TestPatternCapture late = new TestPatternCapture()) {
                assertThatThrownBy(() -> VideoPreview.open(client, late)).isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
