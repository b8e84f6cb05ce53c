package dev.parley.engine.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.conference.internal.JanusConnection;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import java.net.URI;
import java.time.Duration;
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
        dev.parley.engine.testing.Waits.until(() -> Thread.getAllStackTraces().keySet().stream()
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
            long forgotten = connection.createSession(Duration.ofHours(1));
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
}
