package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.components.testing.SwingFixture;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ScreenCapture;
import dev.parley.engine.ScreenSource;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.TestPatterns;
import dev.parley.engine.testing.Waits;
import dev.parley.engine.xmpp.XmppSignaling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Parley user shares a window with a QuickBlox JS SDK user in Chromium over Prosody: the
 * share replaces the camera on the same track, and the page decodes it at the window's size
 * with its four colours where they belong; switching back restores the test pattern there.
 */
@ExtendWith(Servers.class)
class ScreenShareInteropTest {

    private static final long PARLEY = 9401;
    private static final long JS = 9402;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theQuickBloxJsSdkReceivesASharedWindowAndThenTheCameraAgain(Prosody prosody, QuickBloxBrowser browser) {
        SwingFixture.requireDisplay();
        String title = "Parley interop share " + System.nanoTime();
        JFrame window = ScreenShareTest.quadrantWindow(title);
        try (CallHarness calls = CallHarness.over(id -> XmppSignaling.connect(prosody.user(id).build()));
                QuickBloxBrowser.Peer js = browser.open(prosody, JS)) {
            calls.client(PARLEY);
            CallSession call = calls.call(PARLEY, List.of(JS), ConferenceType.VIDEO, Map.of());
            js.await("call", Map.of(), WAIT);
            js.accept(Map.of());
            calls.log(PARLEY).awaitEvent("connectedToUser " + JS);
            Waits.until(() -> js.remoteVideo(PARLEY).path("framesDecoded").asInt() >= 10, WAIT,
                    () -> "the page decoding Parley's camera");

            ScreenSource source = Waits.untilPresent(() -> ScreenCapture.sources().stream()
                    .filter(s -> s.title().equals(title)).findFirst(), Duration.ofSeconds(5), () -> "the window listed");
            call.localMediaStream().videoTrack().setVideoCapture(new ScreenCapture(source, 15));
            Waits.until(() -> quadrantsInPage(js), WAIT, () -> "the page to show the shared window's quadrants: "
                    + js.remoteVideo(PARLEY) + " " + js.invoke("remoteVideoColors", PARLEY, quadrantPoints()));
            JsonNode video = js.remoteVideo(PARLEY);
            assertThat(video.path("width").asInt()).isEqualTo(source.bounds().width & ~1);
            assertThat(video.path("height").asInt()).isEqualTo(source.bounds().height & ~1);

            call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
            Waits.until(() -> patternInPage(js), WAIT, () -> "the test pattern back in the page");
            call.hangUp(Map.of());
            js.await("closed", Map.of("sessionId", call.id()), WAIT);
        } finally {
            GuiActionRunner.execute(window::dispose);
        }
    }

    private static List<List<Double>> quadrantPoints() {
        List<List<Double>> points = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            points.add(List.of(0.25 + q % 2 * 0.5, 0.125 + q / 2 * 0.75));
        }
        return points;
    }

    private static boolean quadrantsInPage(QuickBloxBrowser.Peer js) {
        JsonNode colours = js.invoke("remoteVideoColors", PARLEY, quadrantPoints());
        for (int q = 0; q < 4; q++) {
            if (!TestPatterns.close(ScreenShareTest.QUADRANTS[q], colours.path(q).asInt(), 48)) {
                return false;
            }
        }
        return true;
    }

    private static boolean patternInPage(QuickBloxBrowser.Peer js) {
        List<List<Double>> points = new ArrayList<>();
        for (int bar = 0; bar < TestPatterns.BARS; bar++) {
            points.add(List.of(TestPatterns.barCentre(bar), TestPatterns.barRow()));
        }
        JsonNode colours = js.invoke("remoteVideoColors", PARLEY, points);
        for (int bar = 0; bar < TestPatterns.BARS; bar++) {
            if (!TestPatterns.close(TestPatterns.barColour(bar), colours.path(bar).asInt(), 48)) {
                return false;
            }
        }
        return true;
    }
}
