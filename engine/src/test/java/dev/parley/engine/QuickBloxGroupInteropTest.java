package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.EventLog;
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

/** Three-party mesh calls between Parley and two QuickBlox JS SDK pages on one Prosody. */
@ExtendWith(Servers.class)
class QuickBloxGroupInteropTest {

    private static final AtomicLong NEXT_USER = new AtomicLong(7000);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Prosody prosody;
    private QuickBloxBrowser browser;
    private CallHarness harness;
    private final List<QuickBloxBrowser.Peer> pages = new ArrayList<>();

    @BeforeEach
    void start(Prosody sharedProsody, QuickBloxBrowser sharedBrowser) {
        prosody = sharedProsody;
        browser = sharedBrowser;
        harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
    }

    @AfterEach
    void stop() {
        pages.forEach(QuickBloxBrowser.Peer::close);
        harness.close();
    }

    private QuickBloxBrowser.Peer page(long userId) {
        QuickBloxBrowser.Peer peer = browser.open(prosody, userId);
        pages.add(peer);
        return peer;
    }

    private static void awaitConnected(QuickBloxBrowser.Peer page, String sessionId, long... others) {
        for (long other : others) {
            page.await("connectionState", Map.of("sessionId", sessionId, "userId", other, "connected", true), WAIT);
        }
    }

    private static void awaitDecodedVideo(QuickBloxBrowser.Peer page, long from) {
        EventLog.await(() -> page.remoteVideo(from).path("framesDecoded").asInt() >= 10, WAIT,
                () -> "video from " + from + " decoded in page " + page.userId() + ": " + page.remoteVideo(from));
    }

    private static void awaitFrames(CallSession session, long from) {
        EventLog.await(() -> session.remoteVideoTrack(from).isPresent(), WAIT, () -> "video track of " + from);
        FrameProbe probe = new FrameProbe();
        session.remoteVideoTrack(from).orElseThrow().addSink(probe);
        EventLog.await(() -> probe.frames() >= 10, WAIT, () -> probe.frames() + " frames from " + from);
    }

    @Test
    void parleyCallsTwoJsUsersWhoMeshAndOneLeavesWhileTheOthersStay() {
        long parley = NEXT_USER.incrementAndGet();
        long js1 = NEXT_USER.incrementAndGet();
        long js2 = NEXT_USER.incrementAndGet(); // the higher JS id calls the lower one
        harness.client(parley);
        QuickBloxBrowser.Peer page1 = page(js1);
        QuickBloxBrowser.Peer page2 = page(js2);

        CallSession call = harness.call(parley, List.of(js1, js2), ConferenceType.VIDEO, Map.of("group", "yes"));
        page1.await("call", Map.of("sessionId", call.id()), WAIT);
        page2.await("call", Map.of("sessionId", call.id()), WAIT);
        page1.accept(Map.of());
        page2.accept(Map.of());

        harness.log(parley).awaitEvent("connectedToUser " + js1);
        harness.log(parley).awaitEvent("connectedToUser " + js2);
        awaitConnected(page1, call.id(), parley, js2);
        awaitConnected(page2, call.id(), parley, js1);
        awaitFrames(call, js1);
        awaitFrames(call, js2);
        awaitDecodedVideo(page1, parley);
        awaitDecodedVideo(page1, js2);
        awaitDecodedVideo(page2, parley);
        awaitDecodedVideo(page2, js1);

        page1.hangUp(Map.of());

        harness.log(parley).awaitEvent("hungUpByUser " + js1 + " {}");
        assertThat(call.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(call.connectionState(js2)).isEqualTo(ConnectionState.CONNECTED);
        int decodedBefore = page2.remoteVideo(parley).path("framesDecoded").asInt();
        EventLog.await(() -> page2.remoteVideo(parley).path("framesDecoded").asInt() > decodedBefore + 10, WAIT,
                () -> "video from Parley to keep flowing after the leave");
        assertThat(page2.invoke("sessionState").asInt()).isNotEqualTo(5); // 5 is the SDK's CLOSED

        call.hangUp(Map.of());
        page2.await("closed", Map.of("sessionId", call.id()), WAIT);
    }

    @Test
    void jsUserCallsParleyAndAnotherJsUserAndParleyJoinsTheMesh() {
        long initiator = NEXT_USER.incrementAndGet();
        long otherJs = NEXT_USER.incrementAndGet();
        long parley = NEXT_USER.incrementAndGet(); // higher than the other callee: Parley calls it
        harness.client(parley);
        harness.autoAccept(parley, Map.of());
        QuickBloxBrowser.Peer caller = page(initiator);
        QuickBloxBrowser.Peer callee = page(otherJs);

        String sessionId = caller.call(List.of(otherJs, parley), 1, Map.of()).path("sessionId").asText();
        callee.await("call", Map.of("sessionId", sessionId), WAIT);
        callee.accept(Map.of());

        harness.log(parley).awaitEvent("connectedToUser " + initiator);
        harness.log(parley).awaitEvent("connectedToUser " + otherJs);
        CallSession session = harness.log(parley).receivedSessions().get(0);
        awaitConnected(caller, sessionId, otherJs, parley);
        awaitConnected(callee, sessionId, initiator, parley);
        awaitFrames(session, initiator);
        awaitFrames(session, otherJs);
        awaitDecodedVideo(caller, parley);
        awaitDecodedVideo(callee, parley);

        callee.hangUp(Map.of());

        harness.log(parley).awaitEvent("hungUpByUser " + otherJs + " {}");
        assertThat(session.connectionState(initiator)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        caller.hangUp(Map.of());
        harness.log(parley).awaitEvent("sessionClosed");
    }
}
