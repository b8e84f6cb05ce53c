package dev.parley.engine.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.StatsReport;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conferences through a real Janus (video room) with real webrtc-java: two users publish in a
 * room, see each other join, subscribe, and receive each other's test pattern through the SFU;
 * stats reports tell what each connection sends and receives; a video held back and a participant
 * muted for one user stop reaching that user alone; one leaves and the other is told;
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
    void aParticipantMutedForMeStopsReachingMeAloneWhileTheirVideoPlaysOn(Janus janus) {
        Map<Long, StatsReport> annSees = new ConcurrentHashMap<>();
        Map<Long, StatsReport> cidSees = new ConcurrentHashMap<>();
        try (ConferenceClient ann = client(janus, 9906); ConferenceClient bob = client(janus, 9907);
                ConferenceClient cid = client(janus, 9908)) {
            ConferenceSession annRoom = ann.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            ConferenceSession bobRoom = bob.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            ConferenceSession cidRoom = cid.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            annRoom.addListener(statsOf(annSees));
            cidRoom.addListener(statsOf(cidSees));
            bobRoom.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
            bobRoom.joinAsPublisher();
            annRoom.joinAsPublisher();
            cidRoom.joinAsPublisher();
            Waits.until(() -> annRoom.activePublishers().contains(9907L) && cidRoom.activePublishers().contains(9907L),
                    WAIT, () -> "Bob publishing");
            annRoom.subscribeToParticipant(9907);
            cidRoom.subscribeToParticipant(9907);
            Waits.until(() -> hearsAndSees(annSees.get(9907L)) && hearsAndSees(cidSees.get(9907L)), WAIT,
                    () -> "Bob heard and seen by Ann and Cid: " + annSees.get(9907L) + " / " + cidSees.get(9907L));

            annRoom.setRemoteAudioEnabled(9907, false);
            assertThat(annRoom.isRemoteAudioEnabled(9907)).isFalse();
            Waits.until(() -> annSees.get(9907L).audioReceiveBitrateKbps() == 0
                    && annSees.get(9907L).videoReceiveBitrateKbps() > 0, WAIT,
                    () -> "Bob muted for Ann, his video still arriving: " + annSees.get(9907L));
            assertThat(hearsAndSees(cidSees.get(9907L))).as("Cid still hears and sees Bob: %s", cidSees.get(9907L))
                    .isTrue();
            assertThat(annRoom.remoteAudioTrack(9907)).isPresent();

            annRoom.setRemoteAudioEnabled(9907, true);
            Waits.until(() -> hearsAndSees(annSees.get(9907L)), WAIT,
                    () -> "Bob heard by Ann again: " + annSees.get(9907L));
        }
    }

    private static boolean hearsAndSees(StatsReport report) {
        return report != null && report.audioReceiveBitrateKbps() > 0 && report.videoReceiveBitrateKbps() > 0;
    }

    private static ConferenceListener statsOf(Map<Long, StatsReport> latest) {
        return new ConferenceListener() {
            @Override
            public void statsReportUpdated(ConferenceSession session, long userId, StatsReport report) {
                latest.put(userId, report);
            }
        };
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
