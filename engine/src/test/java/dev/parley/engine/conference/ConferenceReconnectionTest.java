package dev.parley.engine.conference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Janus going away under a conference, with a Janus of the test's own (the shared one stays up
 * for the others): restarted, the participants report reconnecting, connect again, publish and
 * subscribe again by themselves, and see each other's pattern again, without anyone reported as
 * left; gone for good, they report the failure and their sessions close, leaving nothing native.
 */
@ExtendWith(Servers.class)
class ConferenceReconnectionTest {

    private static final Duration BACK = Duration.ofSeconds(30);

    @Test
    void janusRestartedMidConferenceParticipantsReconnectAndRejoinByThemselves(Janus shared) {
        Map<String, Integer> nativeBefore = NativeTracker.snapshot();
        List<String> annEvents = new CopyOnWriteArrayList<>();
        List<String> bobEvents = new CopyOnWriteArrayList<>();
        try (Janus janus = Janus.start();
                ConferenceClient ann = Rooms.client(janus.url(), 9921, config());
                ConferenceClient bob = Rooms.client(janus.url(), 9922, config())) {
            ConferenceSession annRoom = joined(ann, annEvents);
            ConferenceSession bobRoom = joined(bob, bobEvents);
            Waits.until(() -> annEvents.contains("joined 9922"), Rooms.WAIT, () -> "Ann told of Bob: " + annEvents);
            annRoom.subscribeToParticipant(9922);
            bobRoom.subscribeToParticipant(9921);
            Rooms.assertPattern(Waits.untilPresent(() -> annRoom.remoteVideoTrack(9922), Rooms.WAIT, () -> "Bob's video"), "Bob at Ann");
            var bobsFirstTrack = annRoom.remoteVideoTrack(9922).orElseThrow();

            janus.restart();

            for (List<String> events : List.of(annEvents, bobEvents)) {
                Waits.until(() -> events.contains("reconnection 9921 RECONNECTING")
                        && events.contains("reconnection 9922 RECONNECTING"), Rooms.WAIT,
                        () -> "both connections reported reconnecting: " + events);
                Waits.until(() -> events.contains("reconnection 9921 RECONNECTED")
                        && events.contains("reconnection 9922 RECONNECTED"), BACK,
                        () -> "both connections back by themselves: " + events);
            }
            Waits.until(() -> annRoom.remoteVideoTrack(9922).filter(t -> t != bobsFirstTrack).isPresent(), Rooms.WAIT,
                    () -> "Bob's video again at Ann: " + annEvents);
            Rooms.assertPattern(annRoom.remoteVideoTrack(9922).orElseThrow(), "Bob's video at Ann after the restart");
            Rooms.assertPattern(Waits.untilPresent(() -> bobRoom.remoteVideoTrack(9921), Rooms.WAIT, () -> "Ann's video"),
                    "Ann's video at Bob after the restart");
            assertThat(annEvents).doesNotContain("left 9922", "closed");
            assertThat(bobEvents).doesNotContain("left 9921", "closed");
            assertThat(annRoom.activePublishers()).containsExactly(9922L);
        }
        Waits.until(() -> NativeTracker.snapshot().equals(nativeBefore), Rooms.WAIT,
                () -> "native objects back to " + nativeBefore + ", are " + NativeTracker.snapshot());
    }

    @Test
    void aJanusThatDoesNotComeBackFailsTheConnectionsAndClosesTheSession(Janus shared) {
        Map<String, Integer> nativeBefore = NativeTracker.snapshot();
        List<String> events = new CopyOnWriteArrayList<>();
        Janus janus = Janus.start();
        try (ConferenceClient ann = Rooms.client(janus.url(), 9923,
                CallConfig.builder().disconnectTimeInterval(CallConfig.MIN_DISCONNECT_TIME))) {
            ConferenceSession room = joined(ann, events);
            Waits.until(() -> events.contains("state 9923 CONNECTED"), Rooms.WAIT, () -> "published: " + events);
            janus.stop();
            Waits.until(() -> events.contains("reconnection 9923 RECONNECTING"), Rooms.WAIT,
                    () -> "reconnecting reported: " + events);
            Waits.until(() -> events.contains("closed"), BACK, () -> "the session closed in the end: " + events);
            assertThat(events).contains("reconnection 9923 FAILED");
            assertThat(room.isClosed()).isTrue();
        } finally {
            janus.close();
        }
        Waits.until(() -> NativeTracker.snapshot().equals(nativeBefore), Rooms.WAIT,
                () -> "native objects back to " + nativeBefore + ", are " + NativeTracker.snapshot());
    }

    @Test
    void aMediaPathLostForAWhileComesBackThroughAnIceRestartWithoutLeavingTheRoom(Janus shared) throws Exception {
        List<String> annEvents = new CopyOnWriteArrayList<>();
        List<String> bobEvents = new CopyOnWriteArrayList<>();
        try (Janus janus = Janus.withRtpPorts("23400-23499");
                ConferenceClient ann = Rooms.client(janus.url(), 9924, config().iceRestartDelay(Duration.ofSeconds(1)));
                ConferenceClient bob = Rooms.client(janus.url(), 9925, config().iceRestartDelay(Duration.ofSeconds(1)))) {
            ConferenceSession annRoom = joined(ann, annEvents);
            ConferenceSession bobRoom = joined(bob, bobEvents);
            Waits.until(() -> annEvents.contains("joined 9925"), Rooms.WAIT, () -> "Ann told of Bob: " + annEvents);
            annRoom.subscribeToParticipant(9925);
            bobRoom.subscribeToParticipant(9924);
            Rooms.assertPattern(Waits.untilPresent(() -> annRoom.remoteVideoTrack(9925), Rooms.WAIT, () -> "Bob's video"),
                    "Bob at Ann");
            try {
                janus.cutMedia();
                Waits.until(() -> annEvents.contains("reconnection 9925 RECONNECTING")
                        && annEvents.contains("reconnection 9924 RECONNECTING"), BACK,
                        () -> "Ann's connections reported reconnecting: " + annEvents);
                Thread.sleep(4000); // restarts go out while the path is still down
            } finally {
                janus.healMedia();
            }
            for (List<String> events : List.of(annEvents, bobEvents)) {
                Waits.until(() -> events.contains("reconnection 9924 RECONNECTED")
                        && events.contains("reconnection 9925 RECONNECTED"), BACK,
                        () -> "both connections back: " + events);
            }
            Rooms.assertPattern(annRoom.remoteVideoTrack(9925).orElseThrow(), "Bob's video at Ann after the cut");
            Rooms.assertPattern(bobRoom.remoteVideoTrack(9924).orElseThrow(), "Ann's video at Bob after the cut");
            assertThat(annEvents).doesNotContain("left 9925", "closed", "reconnection 9925 FAILED");
        }
    }

    private static CallConfig.Builder config() {
        return CallConfig.builder().disconnectTimeInterval(BACK);
    }

    private static ConferenceSession joined(ConferenceClient client, List<String> events) {
        ConferenceSession room = client.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
        room.addListener(Rooms.recorder(events));
        room.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        room.joinAsPublisher();
        return room;
    }
}
