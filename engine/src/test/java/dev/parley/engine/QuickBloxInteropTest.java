package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
import dev.parley.engine.testing.TestPatterns;
import dev.parley.engine.xmpp.XmppSignaling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parley against the real QuickBlox JavaScript SDK 2.23.0 in Chromium, both logged in to the
 * same Prosody: Parley over c2s with TLS, the SDK over XMPP WebSocket.
 */
@ExtendWith(Servers.class)
class QuickBloxInteropTest {

    /** Fresh user ids per test, so that no SDK session or busy state leaks from one test into the next. */
    private static final AtomicLong NEXT_USER = new AtomicLong(5000);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Prosody prosody;
    private QuickBloxBrowser browser;
    private CallHarness harness;
    private final List<QuickBloxBrowser.Peer> pages = new ArrayList<>();
    private long parleyId;
    private long jsId;

    @BeforeEach
    void start(Prosody sharedProsody, QuickBloxBrowser sharedBrowser) {
        prosody = sharedProsody;
        browser = sharedBrowser;
        harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
        parleyId = NEXT_USER.incrementAndGet();
        jsId = NEXT_USER.incrementAndGet();
        harness.client(parleyId);
    }

    @AfterEach
    void stop() {
        pages.forEach(QuickBloxBrowser.Peer::close);
        harness.close();
    }

    private QuickBloxBrowser.Peer jsUser() {
        QuickBloxBrowser.Peer peer = browser.open(prosody, jsId);
        pages.add(peer);
        return peer;
    }

    @Test
    void parleyCallsTheJsUserWhoAcceptsAndSeesParleysPattern() {
        QuickBloxBrowser.Peer js = jsUser();
        EventLog log = harness.log(parleyId);
        Map<String, String> userInfo = Map.of("note", "hello from Parley", "name", "Ann Ångström", "empty", "");

        CallSession call = harness.call(parleyId, List.of(jsId), ConferenceType.VIDEO, userInfo);

        JsonNode ring = js.await("call", Map.of(), WAIT);
        assertThat(ring.path("sessionId").asText()).isEqualTo(call.id());
        assertThat(ring.path("initiatorId").asLong()).isEqualTo(parleyId);
        assertThat(ring.path("callType").asInt()).isEqualTo(1);
        assertThat(text(ring.path("userInfo"))).isEqualTo(userInfo);
        js.accept(Map.of("answer", "hi from js"));

        log.awaitEvent("acceptedByUser " + jsId + " {answer=hi from js}");
        log.awaitEvent("connectedToUser " + jsId);
        js.await("connectionState", Map.of("userId", parleyId, "connected", true), WAIT);
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        assertParleyReceivesVideo(call, jsId);
        assertJsShowsParleysPattern(js);

        call.hangUp(Map.of("reason", "done"));

        JsonNode hungUp = js.await("hungUp", Map.of("userId", parleyId), WAIT);
        assertThat(text(hungUp.path("userInfo"))).isEqualTo(Map.of("reason", "done"));
        js.await("closed", Map.of("sessionId", call.id()), WAIT);
        log.awaitEvent("sessionClosed");
    }

    @Test
    void jsUserCallsParleyWhoAcceptsMediaFlowsBothWaysAndTheJsHangUpEndsIt() {
        QuickBloxBrowser.Peer js = jsUser();
        EventLog log = harness.log(parleyId);
        harness.autoAccept(parleyId, Map.of("answer", "hi from parley"));

        String sessionId = js.call(List.of(parleyId), 1, Map.of("note", "hello from js")).path("sessionId").asText();

        log.awaitEvent("connectedToUser " + jsId);
        CallSession session = log.receivedSessions().get(0);
        assertThat(session.id()).isEqualTo(sessionId);
        assertThat(session.initiatorId()).isEqualTo(jsId);
        assertThat(session.isIncoming()).isTrue();
        // the SDK adds its bandwidth limit to every call's userInfo
        assertThat(log.events()).contains("sessionReceived " + jsId + " {bandwidth=0, note=hello from js}");
        JsonNode accepted = js.await("accepted", Map.of("userId", parleyId), WAIT);
        assertThat(text(accepted.path("userInfo"))).isEqualTo(Map.of("answer", "hi from parley"));
        js.await("connectionState", Map.of("userId", parleyId, "connected", true), WAIT);
        assertParleyReceivesVideo(session, jsId);
        assertJsShowsParleysPattern(js);

        js.hangUp(Map.of("reason", "bye"));

        log.awaitEvent("hungUpByUser " + jsId + " {reason=bye}");
        log.awaitEvent("sessionClosed");
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThat(session.connectionState(jsId)).isEqualTo(ConnectionState.HANG_UP);
    }

    @Test
    void jsUserCallsParleyWhoRejectsAndTheJsSideIsTold() {
        QuickBloxBrowser.Peer js = jsUser();
        EventLog log = harness.log(parleyId);
        harness.existing(parleyId).addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                session.rejectCall(Map.of("reason", "busy"));
            }
        });

        String sessionId = js.call(List.of(parleyId), 1, Map.of()).path("sessionId").asText();

        JsonNode rejected = js.await("rejected", Map.of("userId", parleyId), WAIT);
        assertThat(rejected.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(text(rejected.path("userInfo"))).isEqualTo(Map.of("reason", "busy"));
        js.await("closed", Map.of("sessionId", sessionId), WAIT);
        log.awaitEvent("sessionClosed");
        assertThat(log.events()).doesNotContain("connectedToUser " + jsId);
    }

    // ------------------------------------------------------------------ helpers

    /** Chromium's fake camera reaches Parley as a live video track. */
    private static void assertParleyReceivesVideo(CallSession session, long fromUserId) {
        EventLog.await(() -> session.remoteVideoTrack(fromUserId).isPresent(), WAIT, () -> "a remote video track");
        FrameProbe probe = new FrameProbe();
        session.remoteVideoTrack(fromUserId).orElseThrow().addSink(probe);
        EventLog.await(() -> probe.frames() >= 20, WAIT, () -> probe.frames() + " frames from the JS page");
        assertThat(probe.width()).isPositive();
        assertThat(probe.height()).isPositive();
        assertThat(session.remoteAudioTrack(fromUserId)).isPresent();
    }

    /** The page decodes Parley's video and shows the test pattern's eight bars. */
    private void assertJsShowsParleysPattern(QuickBloxBrowser.Peer js) {
        EventLog.await(() -> js.remoteVideo(parleyId).path("framesDecoded").asInt() >= 10, WAIT,
                () -> "decoded frames in the page: " + js.remoteVideo(parleyId));
        JsonNode video = js.remoteVideo(parleyId);
        assertThat(video.path("width").asInt()).isEqualTo(640);
        assertThat(video.path("height").asInt()).isEqualTo(480);
        List<List<Double>> points = new ArrayList<>();
        for (int bar = 0; bar < TestPatterns.BARS; bar++) {
            points.add(List.of(TestPatterns.barCentre(bar), TestPatterns.barRow()));
        }
        JsonNode colours = js.invoke("remoteVideoColors", parleyId, points);
        for (int bar = 0; bar < TestPatterns.BARS; bar++) {
            int actual = colours.path(bar).asInt();
            assertThat(TestPatterns.close(TestPatterns.barColour(bar), actual, 48))
                    .as("bar %d in the page: expected %06X, got %06X", bar, TestPatterns.barColour(bar), actual)
                    .isTrue();
        }
    }

    private static Map<String, String> text(JsonNode object) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
