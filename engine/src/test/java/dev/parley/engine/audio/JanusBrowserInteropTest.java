package dev.parley.engine.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.Subscription;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.conference.ConferenceClient;
import dev.parley.engine.conference.ConferenceSession;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser in the same Janus room: Meetecho's janus.js (npm {@code janus-gateway}) in Debian's
 * Chromium publishes its fake camera and 440 Hz microphone, a Parley participant publishes the
 * test pattern and a 660 Hz microphone (PulseAudio test devices); each subscribes to the other.
 * Parley receives the browser's frames and plays its tone on its speaker; the page decodes
 * Parley's frames at their size and hears Parley's 660 Hz through WebAudio.
 */
@ExtendWith(Servers.class)
class JanusBrowserInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final long PARLEY = 9951;
    private static final long BROWSER = 9952;

    @Test
    void aJanusJsPeerInChromiumAndParleySeeAndHearEachOtherThroughTheRoom(Pulse pulse, Janus janus,
            QuickBloxBrowser browser) throws InterruptedException {
        try (Pulse.Recording parleyEars = pulse.record("bob-ears");
                ConferenceClient parley = ConferenceAudioTest.client(janus, PARLEY, "bob-voice", "bob-ears");
                QuickBloxBrowser.Peer page = browser.openJanusPage(BROWSER)) {
            ConferenceSession room = parley.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
            room.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
            room.joinAsPublisher();
            page.invoke("join", janus.url().toString(), Janus.ROOM, BROWSER);
            Waits.until(() -> room.activePublishers().contains(BROWSER), WAIT,
                    () -> "Parley told that the browser publishes: " + room.activePublishers());
            room.subscribeToParticipant(BROWSER);
            page.invoke("subscribe", PARLEY);

            VideoTrack fromBrowser = Waits.untilPresent(() -> room.remoteVideoTrack(BROWSER), WAIT,
                    () -> "the browser's video at Parley");
            AtomicInteger frames = new AtomicInteger();
            AtomicReference<String> size = new AtomicReference<>("none");
            try (Subscription sink = fromBrowser.addSink(frame -> {
                frames.incrementAndGet();
                size.set(frame.width() + "x" + frame.height());
            })) {
                Waits.until(() -> frames.get() > 0, WAIT, () -> "a frame from the browser");
                int before = frames.get();
                Thread.sleep(2000);
                assertThat(frames.get() - before).as("frames from the browser in 2 s").isGreaterThanOrEqualTo(20);
                assertThat(size.get()).as("the browser's fake camera size").isEqualTo("640x480");
            }
            Waits.until(() -> Hearing.hears(parleyEars, 440), WAIT,
                    () -> "Parley's speaker to carry the browser's 440 Hz: " + Hearing.describe(parleyEars, 440));

            AtomicReference<JsonNode> seen = new AtomicReference<>();
            Waits.until(() -> {
                JsonNode received = page.invoke("received", PARLEY);
                seen.set(received);
                return received.path("framesDecoded").asInt() >= 30 && received.path("width").asInt() == 640
                        && received.path("height").asInt() == 480;
            }, WAIT, () -> "the page to decode Parley's 640x480 video: " + seen.get());
            // Parley's microphone plays 660 Hz, not the page's 440 Hz: Parley's echo canceller, hearing
            // 440 Hz on its speaker, took a 440 Hz microphone for echo and cancelled it within seconds.
            // The page hears it through WebAudio: the frequency, not just a level.
            AtomicReference<JsonNode> heard = new AtomicReference<>();
            Waits.until(() -> {
                JsonNode tone = page.invoke("remoteAudioTone", PARLEY, 660);
                heard.set(tone);
                return tone != null && !tone.isNull() && Math.abs(tone.path("dominantHz").asDouble() - 660) < 15
                        && tone.path("levelDb").asDouble() - tone.path("otherDb").asDouble() >= Hearing.CLEAR_DB;
            }, WAIT, () -> "Parley's 660 Hz in the page: " + heard.get() + " (Parley's own microphone level: "
                    + room.localMediaStream().audioTrack().level() + ", the page's stats: " + seen.get() + ")");
        }
    }
}
