package dev.parley.engine.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conferences through a real Janus (video room) with real webrtc-java: two users publish in a
 * room, see each other join, subscribe, and receive each other's test pattern through the SFU;
 * stats reports tell what each connection sends and receives; one leaves and the other is told;
 * a room that does not exist is refused clearly; nothing native is left behind.
 */
@ExtendWith(Servers.class)
class ConferenceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void twoPublishersSeeEachOtherThroughJanusAndALeaveIsReported(Janus janus) {
        Map<String, Integer> nativeBefore = NativeTracker.snapshot();
        List<String> annEvents = new CopyOnWriteArrayList<>();
        List<String> bobEvents = new CopyOnWriteArrayList<>();
        try (ConferenceClient ann = client(janus, 9901); ConferenceClient bob = client(janus, 9902)) {
            ConferenceSession annRoom = ann.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            ConferenceSession bobRoom = bob.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            annRoom.addListener(recorder(annEvents));
            bobRoom.addListener(recorder(bobEvents));
            annRoom.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
            bobRoom.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());

            annRoom.joinAsPublisher();
            bobRoom.joinAsPublisher();
            Waits.until(() -> annEvents.contains("joined 9902"), WAIT, () -> "Ann told that Bob joined: " + annEvents);
            Waits.until(() -> bobEvents.contains("joined 9901"), WAIT, () -> "Bob told that Ann was there: " + bobEvents);
            assertThat(annRoom.activePublishers()).containsExactly(9902L);
            Waits.until(() -> annEvents.contains("state 9901 CONNECTED"), WAIT,
                    () -> "Ann's publication connected: " + annEvents);

            annRoom.subscribeToParticipant(9902);
            bobRoom.subscribeToParticipant(9901);
            Waits.until(() -> annRoom.remoteVideoTrack(9902).isPresent() && bobRoom.remoteVideoTrack(9901).isPresent(),
                    WAIT, () -> "each other's video: " + annEvents + " / " + bobEvents);
            assertPattern(annRoom.remoteVideoTrack(9902).orElseThrow(), "Bob's video at Ann");
            assertPattern(bobRoom.remoteVideoTrack(9901).orElseThrow(), "Ann's video at Bob");
            assertThat(annEvents).contains("state 9902 CONNECTED", "audio 9902");
            Waits.until(() -> annEvents.contains("stats 9901 sending") && annEvents.contains("stats 9902 receiving"),
                    WAIT, () -> "stats reports of Ann's publication and of her subscription to Bob: " + annEvents);

            bobRoom.leave();
            Waits.until(() -> annEvents.contains("left 9902"), WAIT, () -> "Ann told that Bob left: " + annEvents);
            assertThat(annRoom.activePublishers()).isEmpty();
            assertThat(annRoom.remoteVideoTrack(9902)).isEmpty();
            Waits.until(() -> bobEvents.contains("closed"), WAIT, () -> "Bob's session closed: " + bobEvents);
        }
        Waits.until(() -> NativeTracker.snapshot().equals(nativeBefore), WAIT,
                () -> "native objects back to " + nativeBefore + ", are " + NativeTracker.snapshot());
    }

    @Test
    void aVideoHeldBackStopsArrivingWhileTheSubscriptionStaysAndComesBackWhenWanted(Janus janus)
            throws InterruptedException {
        try (ConferenceClient ann = client(janus, 9904); ConferenceClient bob = client(janus, 9905)) {
            ConferenceSession annRoom = ann.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            ConferenceSession bobRoom = bob.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            bobRoom.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
            annRoom.joinAsPublisher();
            bobRoom.joinAsPublisher();
            Waits.until(() -> annRoom.activePublishers().contains(9905L), WAIT, () -> "Bob publishing");
            annRoom.subscribeToParticipant(9905);
            VideoTrack bobs = Waits.untilPresent(() -> annRoom.remoteVideoTrack(9905), WAIT, () -> "Bob's video");
            AtomicInteger frames = new AtomicInteger();
            try (var sink = bobs.addSink(frame -> frames.incrementAndGet())) {
                Waits.until(() -> frames.get() > 10, WAIT, () -> "Bob's frames arriving");

                annRoom.setRemoteVideoEnabled(9905, false);
                assertThat(annRoom.isRemoteVideoEnabled(9905)).isFalse();
                Thread.sleep(1000); // what was on its way
                int held = frames.get();
                Thread.sleep(2000);
                assertThat(frames.get() - held).as("frames while held back").isZero();
                assertThat(annRoom.remoteVideoTrack(9905)).containsSame(bobs);

                annRoom.setRemoteVideoEnabled(9905, true);
                int resumed = frames.get();
                Waits.until(() -> frames.get() > resumed + 10, WAIT, () -> "Bob's frames again");
            }
            Rooms.assertPattern(bobs, "Bob's video after it came back");
        }
    }

    @Test
    void aRoomThatDoesNotExistIsRefusedAndNothingIsLeftOpen(Janus janus) {
        try (ConferenceClient ann = client(janus, 9903)) {
            ConferenceSession nowhere = ann.createSession("999999", ConferenceType.AUDIO);
            assertThatThrownBy(nowhere::joinAsPublisher).isInstanceOf(JanusException.class)
                    .hasMessageContaining("\"joinandconfigure\"")
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(426));
            nowhere.leave();
            assertThatThrownBy(() -> ann.createSession("lobby", ConferenceType.VIDEO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"lobby\"");
        }
    }

    private static ConferenceClient client(Janus janus, long userId) {
        return Rooms.client(janus.url(), userId, CallConfig.builder().statsReportInterval(Duration.ofSeconds(1)));
    }

    private static ConferenceListener recorder(List<String> events) {
        return Rooms.recorder(events);
    }

    private static void assertPattern(VideoTrack track, String what) {
        Rooms.assertPattern(track, what);
    }
}
