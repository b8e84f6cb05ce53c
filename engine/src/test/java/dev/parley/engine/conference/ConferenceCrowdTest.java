package dev.parley.engine.conference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.PixelFormat;
import dev.parley.engine.Subscription;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoFormat;
import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More people than a mesh holds, through Janus: eight Parley participants in this JVM publish
 * 320x240@15 in one room, each subscribes to the seven others, and every one of the 56 received
 * streams runs at 10 fps or more over an 8 s window (measured again, at most twice, when a stall
 * of the machine spoils a window); when one leaves, the seven others are told within 2 s and
 * their tracks of that participant are gone.
 *
 * <p>Everyone publishes audio too, but each one mutes the seven others for themselves (Janus holds
 * that audio back): a participant's machine decodes seven voices, this JVM would decode 56, and with
 * Janus beside it the 2-core machine has no room for that (the playout threads of the eight audio
 * device modules took 0.4 cores, and a CI host slower than this one starved every video stream).
 */
@ExtendWith(Servers.class)
class ConferenceCrowdTest {

    private static final int PEOPLE = 8;
    private static final long FIRST_ID = 9941;
    private static final VideoFormat SMALL = new VideoFormat(320, 240, 15, PixelFormat.FORMAT_420F);
    private static final Duration MEASURE = Duration.ofSeconds(8);
    private static final int WINDOWS = 3;

    @Test
    void eightParticipantsEachReceiveTheSevenOthersAtTenFpsAndALeaveReachesAllWithinTwoSeconds(Janus janus)
            throws InterruptedException {
        Map<String, Integer> nativeBefore = NativeTracker.snapshot();
        List<ConferenceClient> clients = new ArrayList<>();
        List<ConferenceSession> rooms = new ArrayList<>();
        Map<Long, Long> leftSeenAt = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < PEOPLE; i++) {
                long id = FIRST_ID + i;
                ConferenceClient client = Rooms.client(janus.url(), id, CallConfig.builder());
                clients.add(client);
                ConferenceSession room = client.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
                room.addListener(new ConferenceListener() {
                    @Override
                    public void participantLeft(ConferenceSession session, long userId) {
                        leftSeenAt.putIfAbsent(id, System.nanoTime());
                    }
                });
                room.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(SMALL));
                room.joinAsPublisher();
                rooms.add(room);
            }
            for (ConferenceSession room : rooms) {
                Waits.until(() -> room.activePublishers().size() == PEOPLE - 1, Rooms.WAIT,
                        () -> "everyone else publishing, seen from room " + room + ": " + room.activePublishers());
                for (long other : room.activePublishers()) {
                    room.setRemoteAudioEnabled(other, false);
                    room.subscribeToParticipant(other);
                }
            }

            Map<String, AtomicInteger> frames = new TreeMap<>();
            List<Subscription> sinks = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                ConferenceSession room = rooms.get(i);
                long receiver = FIRST_ID + i;
                for (long sender : room.activePublishers()) {
                    var track = Waits.untilPresent(() -> room.remoteVideoTrack(sender), Rooms.WAIT,
                            () -> sender + "'s video at " + receiver);
                    AtomicInteger count = new AtomicInteger();
                    frames.put(sender + "->" + receiver, count);
                    sinks.add(track.addSink(frame -> count.incrementAndGet()));
                }
            }
            Thread.sleep(3000); // every stream past its first key frame
            // the rate must hold for a whole window; a window spoilt by a stall of the machine (seconds
            // without CPU for anyone, seen on shared CI hosts) is measured again, at most twice more
            Map<String, Double> fps = Map.of();
            List<String> windows = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            for (int window = 0; window < WINDOWS && (fps.isEmpty() || slowest(fps) < 10.0); window++) {
                frames.values().forEach(count -> count.set(0));
                long cpuBefore = os.getProcessCpuTime();
                Thread.sleep(MEASURE.toMillis());
                double cores = (os.getProcessCpuTime() - cpuBefore) / (double) MEASURE.toNanos();
                Map<String, Double> measured = new TreeMap<>();
                frames.forEach((pair, count) -> measured.put(pair, count.get() * 1000.0 / MEASURE.toMillis()));
                fps = measured;
                windows.add(String.format(java.util.Locale.ROOT, "min %.1f, mean %.1f fps, %.2f cores", slowest(fps),
                        fps.values().stream().mapToDouble(Double::doubleValue).average().orElse(0), cores));
            }
            sinks.forEach(Subscription::close);
            System.out.printf("conference of %d at %dx%d@%d, %d streams, %d s windows: %s%n", PEOPLE, SMALL.width(),
                    SMALL.height(), SMALL.frameRate(), fps.size(), MEASURE.toSeconds(), windows);
            Map<String, Double> last = fps;
            assertThat(last).hasSize(PEOPLE * (PEOPLE - 1));
            assertThat(last.entrySet()).allSatisfy(stream -> assertThat(stream.getValue())
                    .as("frames per second of stream %s (windows: %s; all: %s)", stream.getKey(), windows, last)
                    .isGreaterThanOrEqualTo(10.0));

            long leaver = FIRST_ID + PEOPLE - 1;
            long leftAt = System.nanoTime();
            rooms.get(PEOPLE - 1).leave();
            Waits.until(() -> leftSeenAt.size() == PEOPLE - 1, Rooms.WAIT, () -> "told of the leave: " + leftSeenAt.keySet());
            for (Map.Entry<Long, Long> told : leftSeenAt.entrySet()) {
                assertThat(Duration.ofNanos(told.getValue() - leftAt)).as("user %d told of the leave", told.getKey())
                        .isLessThanOrEqualTo(Duration.ofSeconds(2));
            }
            for (ConferenceSession room : rooms.subList(0, PEOPLE - 1)) {
                assertThat(room.activePublishers()).doesNotContain(leaver).hasSize(PEOPLE - 2);
                assertThat(room.remoteVideoTrack(leaver)).isEmpty();
            }
        } finally {
            clients.forEach(ConferenceClient::close);
        }
        Waits.until(() -> NativeTracker.snapshot().equals(nativeBefore), Rooms.WAIT,
                () -> "native objects back to " + nativeBefore + ", are " + NativeTracker.snapshot());
    }

    private static double slowest(Map<String, Double> fps) {
        return fps.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }
}
