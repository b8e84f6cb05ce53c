package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Whole call scenarios with their assertions, run over any signaling (in-process hub, XMPP). */
final class CallScenarios {

    private CallScenarios() {
    }

    /**
     * {@code caller} video-calls {@code callee}, who accepts: both connect, the callee sees the
     * caller's test pattern at 640x480, stats describe that stream, and the caller's hang-up
     * closes both sessions.
     */
    static void acceptedVideoCallThenHangUp(CallHarness harness, long caller, long callee) {
        CallClient from = harness.existing(caller);
        EventLog callerLog = harness.log(caller);
        EventLog calleeLog = harness.log(callee);
        harness.existing(callee).addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(VideoFormat.DEFAULT));
                session.acceptCall(Map.of("answer", "hi"));
            }
        });
        CallSession call = from.createSession(List.of(callee), ConferenceType.VIDEO);
        call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(VideoFormat.DEFAULT));
        call.startCall(Map.of("note", "hello"));

        callerLog.awaitEvent("connectedToUser " + callee);
        calleeLog.awaitEvent("connectedToUser " + caller);
        CallSession calleeSession = calleeLog.receivedSessions().get(0);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(calleeSession.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(call.connectionState(callee)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(calleeLog.events()).contains("sessionReceived " + caller + " {note=hello}");
        assertThat(callerLog.events()).contains("acceptedByUser " + callee + " {answer=hi}");

        calleeLog.awaitEvent("remoteVideoTrackReceived " + caller);
        FrameProbe probe = new FrameProbe();
        VideoTrack callerVideo = calleeSession.remoteVideoTrack(caller).orElseThrow();
        callerVideo.addSink(probe);
        EventLog.await(() -> probe.frames() >= 20, Duration.ofSeconds(3), () -> probe.frames() + " frames");
        assertThat(probe.patternMismatch(48)).isEmpty();
        assertThat(calleeSession.remoteAudioTrack(caller)).isPresent();
        assertThat(call.remoteAudioTrack(callee)).isPresent();
        assertThat(probe.width()).isEqualTo(640);
        assertThat(probe.height()).isEqualTo(480);

        // stats come from the peer connection itself: what the callee decodes is the caller's 640x480 stream
        EventLog.await(() -> calleeLog.lastStats() != null && calleeLog.lastStats().videoReceiveBitrateKbps() > 0,
                Duration.ofSeconds(5), () -> "a stats report with received video: " + calleeLog.lastStats());
        StatsReport stats = calleeLog.lastStats();
        assertThat(stats.videoReceiveWidth()).isEqualTo(640);
        assertThat(stats.videoReceiveHeight()).isEqualTo(480);
        assertThat(stats.framesDecoded()).isGreaterThan(0);
        assertThat(stats.candidatePair()).contains("host/udp");
        assertThat(stats.toString()).contains("video in 640x480");

        call.hangUp(Map.of("reason", "done"));
        calleeLog.awaitEvent("sessionClosed");
        callerLog.awaitEvent("sessionClosed");
        assertThat(calleeLog.events()).contains("hungUpByUser " + caller + " {reason=done}");
        assertThat(calleeSession.connectionState(caller)).isEqualTo(ConnectionState.HANG_UP);
        assertThat(call.state()).isEqualTo(SessionState.CLOSED);
        assertThat(callerVideo.isEnded()).isTrue();
    }
}
