package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
        bob.addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(VideoFormat.DEFAULT));
                session.acceptCall(Map.of("answer", "hi"));
            }
        });
        CallSession call = alice.createSession(List.of(222L), ConferenceType.VIDEO);
        call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(VideoFormat.DEFAULT));
        call.startCall(Map.of("note", "hello"));

        aliceLog.awaitEvent("connectedToUser 222");
        bobLog.awaitEvent("connectedToUser 111");
        CallSession bobSession = bobLog.receivedSessions().get(0);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(bobSession.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(call.connectionState(222)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(bobLog.events()).contains("sessionReceived 111 {note=hello}");
        assertThat(aliceLog.events()).contains("acceptedByUser 222 {answer=hi}");

        bobLog.awaitEvent("remoteVideoTrackReceived 111");
        FrameProbe probe = new FrameProbe();
        VideoTrack aliceVideoAtBob = bobSession.remoteVideoTrack(111).orElseThrow();
        aliceVideoAtBob.addSink(probe);
        EventLog.await(() -> probe.frames() >= 20, Duration.ofSeconds(3), () -> probe.frames() + " frames");
        assertThat(probe.patternMismatch(48)).isEmpty();
        assertThat(bobSession.remoteAudioTrack(111)).isPresent();
        assertThat(call.remoteAudioTrack(222)).isPresent();
        assertThat(probe.width()).isEqualTo(640);
        assertThat(probe.height()).isEqualTo(480);

        // stats come from the peer connection itself: what bob decodes is alice's 640x480 stream
        EventLog.await(() -> bobLog.lastStats() != null && bobLog.lastStats().videoReceiveBitrateKbps() > 0,
                Duration.ofSeconds(5), () -> "a stats report with received video: " + bobLog.lastStats());
        StatsReport stats = bobLog.lastStats();
        assertThat(stats.videoReceiveWidth()).isEqualTo(640);
        assertThat(stats.videoReceiveHeight()).isEqualTo(480);
        assertThat(stats.framesDecoded()).isGreaterThan(0);
        assertThat(stats.candidatePair()).contains("host/udp");
        assertThat(stats.toString()).contains("video in 640x480");

        call.hangUp(Map.of("reason", "done"));
        bobLog.awaitEvent("sessionClosed");
        aliceLog.awaitEvent("sessionClosed");
        assertThat(bobLog.events()).contains("hungUpByUser 111 {reason=done}");
        assertThat(bobSession.connectionState(111)).isEqualTo(ConnectionState.HANG_UP);
        assertThat(call.state()).isEqualTo(SessionState.CLOSED);
        assertThat(aliceVideoAtBob.isEnded()).isTrue();
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
