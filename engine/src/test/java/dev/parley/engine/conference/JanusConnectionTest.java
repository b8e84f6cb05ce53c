package dev.parley.engine.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.conference.internal.JanusConnection;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Janus protocol against a real Janus 1.1 (video room plugin, WebSocket transport):
 * sessions, handles, synchronous and asynchronous plugin requests, errors mapped to clear
 * exceptions, keep-alives that outlive the server's session timeout, and unreachable servers.
 */
@ExtendWith(Servers.class)
class JanusConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String VIDEOROOM = "janus.plugin.videoroom";

    @Test
    void aSessionAttachesTheVideoRoomAndFindsTheScriptsRoomCreatesAndDestroysAnother(Janus janus) {
        try (JanusConnection connection = JanusConnection.open(janus.url(), TIMEOUT)) {
            long session = connection.createSession(Duration.ofSeconds(2));
            long handle = connection.attach(session, VIDEOROOM);

            ObjectNode exists = JanusConnection.object().put("request", "exists").put("room", Janus.ROOM);
            assertThat(connection.message(session, handle, exists, null).path("exists").asBoolean()).isTrue();

            long room = 4000 + System.nanoTime() % 1000;
            ObjectNode create = JanusConnection.object().put("request", "create").put("room", room)
                    .put("publishers", 9).put("description", "made by a test");
            assertThat(connection.message(session, handle, create, null).path("videoroom").asText())
                    .isEqualTo("created");
            JsonNode list = connection.message(session, handle, JanusConnection.object().put("request", "list"), null);
            assertThat(list.path("list").findValuesAsText("description")).contains("made by a test", "Parley test room");

            connection.message(session, handle, JanusConnection.object().put("request", "destroy").put("room", room),
                    null);
            assertThat(connection.message(session, handle,
                    JanusConnection.object().put("request", "exists").put("room", room), null).path("exists")
                    .asBoolean()).isFalse();
            connection.destroySession(session);
        }
        Waits.until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("parley-janus-") && t.isAlive()), Duration.ofSeconds(3),
                () -> "the connection's threads to end on close");
    }

    @Test
    void janusErrorsBecomeExceptionsThatNameTheRequestAndTheCode(Janus janus) {
        try (JanusConnection connection = JanusConnection.open(janus.url(), TIMEOUT)) {
            long session = connection.createSession(Duration.ofSeconds(2));
            assertThatThrownBy(() -> connection.attach(session, "janus.plugin.nosuch"))
                    .isInstanceOf(JanusException.class)
                    .hasMessageContaining("attach janus.plugin.nosuch")
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(460));
            long handle = connection.attach(session, VIDEOROOM);
            ObjectNode join = JanusConnection.object().put("request", "join").put("ptype", "publisher")
                    .put("room", 999_999);
            assertThatThrownBy(() -> connection.message(session, handle, join, null))
                    .isInstanceOf(JanusException.class)
                    .hasMessageContaining("\"join\"")
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(426));
            assertThatThrownBy(() -> connection.attach(424_242, VIDEOROOM))
                    .isInstanceOf(JanusException.class)
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(458));
        }
    }

    @Test
    void keepAlivesHoldASessionPastTheServersTimeout(Janus janus) throws InterruptedException {
        try (JanusConnection connection = JanusConnection.open(janus.url(), TIMEOUT)) {
            long kept = connection.createSession(Duration.ofSeconds(2));
            long forgotten = connection.createSession(Duration.ZERO);
            Thread.sleep((Janus.SESSION_TIMEOUT_SECONDS + 5) * 1000L);
            assertThat(connection.attach(kept, VIDEOROOM)).isPositive();
            assertThatThrownBy(() -> connection.attach(forgotten, VIDEOROOM))
                    .isInstanceOf(JanusException.class)
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(458));
        }
    }

    @Test
    void anUnreachableServerFailsClearly() throws Exception {
        URI nowhere = URI.create("ws://127.0.0.1:" + Prosody.freePort());
        assertThatThrownBy(() -> JanusConnection.open(nowhere, Duration.ofSeconds(2)))
                .isInstanceOf(JanusException.class)
                .hasMessageContaining("cannot connect to the Janus server at " + nowhere);
    }

    @Test
    void aReplyThatIsNotJsonFailsTheRequestClearlyAndEndsTheConnection() throws Exception {
        AtomicBoolean lost = new AtomicBoolean();
        try (BrokenJanus broken = new BrokenJanus(request -> "<html>502 Bad Gateway</html>");
                JanusConnection connection = JanusConnection.open(broken.url(), TIMEOUT, null, () -> lost.set(true))) {
            assertThatThrownBy(() -> connection.createSession(Duration.ofSeconds(2)))
                    .isInstanceOf(JanusException.class)
                    .hasMessageContaining("not Janus JSON")
                    .hasMessageContaining("502 Bad Gateway");
            Waits.until(lost::get, TIMEOUT, () -> "the connection reported lost");
            assertThat(connection.isClosed()).isTrue();
        }
    }

    @Test
    void aReplyWithoutTheIdAskedForFailsClearlyAndAClientIsNotMade() throws Exception {
        Thread[] before = threads();
        try (BrokenJanus broken = new BrokenJanus(request -> "{\"janus\":\"success\",\"transaction\":\""
                + request.path("transaction").asText() + "\",\"data\":{\"id\":\"soon\"}}")) {
            assertThatThrownBy(() -> ConferenceClient.create(ConferenceSettings.of(broken.url(), 5)))
                    .isInstanceOf(JanusException.class)
                    .hasMessageContaining("\"create a session\" has no id")
                    .hasMessageContaining("\"soon\"");
        }
        Waits.until(() -> Arrays.stream(threads())
                .filter(t -> t.getName().startsWith("parley-")).allMatch(t -> Arrays.asList(before).contains(t)),
                TIMEOUT, () -> "no thread of the failed client left");
    }

    @Test
    void aSignedTokenOpensTheDoorAndAForgedOneIsRefusedClearly(Janus shared) {
        try (Janus guarded = Janus.start("parley-secret")) {
            try (ConferenceClient ann = ConferenceClient.create(ConferenceSettings.of(guarded.url(), 9931)
                    .withToken(Janus.token("parley-secret")))) {
                ConferenceSession room = ann.createSession(Long.toString(Janus.ROOM), ConferenceType.AUDIO);
                room.joinAsPublisher();
                room.leave();
            }
            assertThatThrownBy(() -> ConferenceClient.create(ConferenceSettings.of(guarded.url(), 9932)
                    .withToken(Janus.token("guessed"))))
                    .isInstanceOf(JanusException.class)
                    .hasMessageContaining("create a session")
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(403));
            assertThatThrownBy(() -> ConferenceClient.create(ConferenceSettings.of(guarded.url(), 9933)))
                    .isInstanceOf(JanusException.class)
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(403));
        }
    }

    private static Thread[] threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).toArray(Thread[]::new);
    }
}
