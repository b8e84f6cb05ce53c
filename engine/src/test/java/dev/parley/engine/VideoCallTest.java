package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VideoCallTest {

    private final CallHarness harness = CallHarness.realTime();
    private final CallClient alice = harness.client(111, b -> b.statsReportInterval(Duration.ofMillis(500)));
    private final CallClient bob = harness.client(222, b -> b.statsReportInterval(Duration.ofMillis(500)));
    private final EventLog aliceLog = harness.log(111);
    private final EventLog bobLog = harness.log(222);

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void acceptedVideoCallShowsTheCallersPatternAndHangUpClosesBothSessions() {
        CallScenarios.acceptedVideoCallThenHangUp(harness, 111, 222);
    }

    @Test
    void switchingTheCaptureMidCallChangesWhatTheOtherSideSees() {
        harness.autoAccept(222, Map.of());
        CallSession call = harness.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        bobLog.awaitEvent("remoteVideoTrackReceived 111");
        FrameProbe probe = new FrameProbe();
        bobLog.receivedSessions().get(0).remoteVideoTrack(111).orElseThrow().addSink(probe);
        EventLog.await(() -> probe.width() == 640, Duration.ofSeconds(5), () -> "640x480 frames");
        TestPatternCapture first = (TestPatternCapture) call.localMediaStream().videoTrack().videoCapture().orElseThrow();

        call.localMediaStream().videoTrack().setVideoCapture(
                new TestPatternCapture(new VideoFormat(320, 240, 30, PixelFormat.FORMAT_420F)));

        EventLog.await(() -> probe.width() == 320 && probe.height() == 240, Duration.ofSeconds(5),
                () -> "320x240 frames after the switch, got " + probe.width() + "x" + probe.height());
        assertThat(probe.patternMismatch(48)).isEmpty();
        assertThat(first.isClosed()).isTrue();
        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.CONNECTED);
    }
}
