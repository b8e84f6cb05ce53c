package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the API refuses, with which message, and what it leaves unchanged. */
class CallRulesTest {

    private final CallHarness harness = CallHarness.manualTime();
    private final CallClient alice = harness.client(111);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void answerTimeIntervalOutsideTenToSixtySecondsIsRefused() {
        assertThatThrownBy(() -> CallConfig.builder().answerTimeInterval(Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answerTimeInterval of 61 s is out of range: use 10 s to 60 s");
        assertThatThrownBy(() -> CallConfig.builder().answerTimeInterval(Duration.ofSeconds(9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CallConfig.builder().answerTimeInterval(Duration.ofSeconds(60)).build().answerTimeInterval())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void dialingAndDisconnectIntervalsHaveTheirMinimums() {
        assertThatThrownBy(() -> CallConfig.builder().dialingTimeInterval(Duration.ofSeconds(2)))
                .hasMessageContaining("dialingTimeInterval of 2 s");
        assertThatThrownBy(() -> CallConfig.builder().disconnectTimeInterval(Duration.ofSeconds(9)))
                .hasMessageContaining("disconnectTimeInterval of 9 s");
    }

    @Test
    void defaultsAreTheQuickBloxDefaults() {
        CallConfig config = CallConfig.defaults();
        assertThat(config.answerTimeInterval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.dialingTimeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.disconnectTimeInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(VideoFormat.DEFAULT).isEqualTo(new VideoFormat(640, 480, 30, PixelFormat.FORMAT_420F));
    }

    @Test
    void groupSessionWithThreeOpponentsIsRepresented() {
        CallSession group = alice.createSession(List.of(222L, 333L, 444L), ConferenceType.VIDEO);

        assertThat(group.opponentIds()).containsExactly(222L, 333L, 444L);
        assertThat(group.initiatorId()).isEqualTo(111);
        assertThat(group.state()).isEqualTo(SessionState.NEW);
        assertThat(group.connectionState(333)).isEqualTo(ConnectionState.NEW);
        assertThat(group.connectionState(999)).isEqualTo(ConnectionState.UNKNOWN);
    }

    @Test
    void fourthOpponentIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> alice.createSession(List.of(222L, 333L, 444L, 555L), ConferenceType.VIDEO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 4 participants");
        assertThat(alice.sessions()).isEmpty();
    }

    @Test
    void opponentsMustBeOtherDistinctUsers() {
        assertThatThrownBy(() -> alice.createSession(List.of(), ConferenceType.VIDEO))
                .hasMessageContaining("at least one opponent");
        assertThatThrownBy(() -> alice.createSession(List.of(222L, 222L), ConferenceType.VIDEO))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> alice.createSession(List.of(111L), ConferenceType.VIDEO))
                .hasMessageContaining("cannot call itself");
    }

    @Test
    void startingTwiceOrAcceptingAnOutgoingCallIsRefused() {
        harness.client(222);
        CallSession call = harness.call(111, List.of(222L), ConferenceType.AUDIO, Map.of());

        assertThatThrownBy(() -> call.startCall(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
        assertThatThrownBy(() -> call.acceptCall(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outgoing");
        assertThatThrownBy(() -> call.startCall(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void hangingUpANewSessionClosesItWithoutSignals() {
        EventLog bobLog = harness.log(harness.client(222).userId());
        CallSession call = alice.createSession(List.of(222L), ConferenceType.AUDIO);

        call.hangUp(Map.of());

        harness.log(111).awaitEvent("sessionClosed");
        harness.settle();
        assertThat(bobLog.events()).isEmpty();
        call.hangUp(Map.of());
        assertThat(call.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void closedClientRefusesNewSessions() {
        alice.close();
        alice.close();
        assertThatThrownBy(() -> alice.createSession(List.of(222L), ConferenceType.AUDIO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the CallClient of user 111 is closed");
    }

    @Test
    void automaticAudioStartsOnAMachineWithoutASoundServer() {
        // the default mode must not hang where PulseAudio is installed but no server runs (CI)
        try (var hub = new dev.parley.engine.signaling.LocalSignalingHub();
                CallClient client = CallClient.create(hub.channel(1), CallConfig.builder()
                        .audioDeviceMode(AudioDeviceMode.AUTO).build())) {
            assertThat(client.createSession(List.of(2L), ConferenceType.AUDIO).state()).isEqualTo(SessionState.NEW);
        }
    }

    @Test
    void iceServerUrlsAreChecked() {
        assertThatThrownBy(() -> IceServer.stun("http://example.test"))
                .hasMessageContaining("must start with stun:");
        assertThat(IceServer.turn("turn:127.0.0.1:3478", "u", "secret").toString()).doesNotContain("secret");
    }
}
