package dev.parley.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.servers.NetworkNamespace;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.testing.EventLog;
import dev.parley.engine.testing.Waits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Parley user running as a {@link PeerProcess} in another JVM inside a network namespace,
 * logged in to a Prosody through the namespace's gateway: a peer on its own network, whose
 * path a test can cut without touching the test's own clients. Its listener events arrive
 * here as the same lines an {@link EventLog} records.
 */
final class RemotePeer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long userId;
    private final Process process;
    private final OutputStream requests;
    private final List<String> events = new ArrayList<>();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private RemotePeer(long userId, Process process) {
        this.userId = userId;
        this.process = process;
        this.requests = process.getOutputStream();
        Thread reader = new Thread(this::readLines, "parley-test-peer-" + userId);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts user {@code userId} in {@code namespace}, logged in to {@code prosody}; returns once
     * it is logged in.
     *
     * @param namespace the peer's network namespace, or null for this host's network (measurements)
     * @param options extra {@link PeerProcess} options, e.g. {@code --auto-accept}, {@code --disconnect 10}
     */
    static RemotePeer start(NetworkNamespace namespace, Prosody prosody, long userId, String... options) {
        var settings = prosody.user(userId).build();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                PeerProcess.class.getName(),
                "--user", Long.toString(userId), "--password", Prosody.password(userId),
                "--host", settings.host().orElseThrow(), "--port", Integer.toString(settings.port()),
                "--domain", settings.domain(), "--app-id", Long.toString(Prosody.APP_ID),
                "--trust", prosody.certificate().toString()));
        command.addAll(List.of(options));
        try {
            Path log = Files.createDirectories(Path.of("target", "peers")).resolve("peer-" + userId + ".log");
            Process process = new ProcessBuilder(namespace == null ? command : namespace.command(command))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RemotePeer peer = new RemotePeer(userId, process);
            try {
                peer.ready.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                peer.close();
                throw new AssertionError("peer " + userId + " did not log in within 30 s; see " + log.toAbsolutePath(), e);
            }
            return peer;
        } catch (IOException e) {
            throw new AssertionError("cannot start peer " + userId + ": " + e.getMessage(), e);
        }
    }

    long userId() {
        return userId;
    }

    /** The peer's process (its JVM). */
    ProcessHandle process() {
        return process.toHandle();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    void awaitEvent(String event, Duration timeout) {
        Waits.until(() -> events().contains(event), timeout, () -> "peer " + userId + " event '" + event + "' in "
                + events());
    }

    /** Starts a call to {@code to}; returns the session id. */
    String call(List<Long> to, ConferenceType type) {
        return request("call", Map.of("to", to, "type", type.name())).asText();
    }

    void hangUp() {
        request("hangUp", Map.of());
    }

    /** Frames received so far from {@code fromUserId}. */
    long frames(long fromUserId) {
        return request("frames", Map.of("from", fromUserId)).asLong();
    }

    ConnectionState connectionState(long ofUserId) {
        return ConnectionState.valueOf(request("connectionState", Map.of("of", ofUserId)).asText());
    }

    /** Open native objects per kind in the peer's process. */
    Map<String, Integer> natives() {
        return JSON.convertValue(request("natives", Map.of()), JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, Integer.class));
    }

    private JsonNode request(String op, Map<String, Object> fields) {
        long id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("id", id).put("op", op);
        fields.forEach((k, v) -> request.set(k, JSON.valueToTree(v)));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            synchronized (requests) {
                requests.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                requests.flush();
            }
            JsonNode answer = reply.get(20, TimeUnit.SECONDS);
            if (!answer.path("ok").asBoolean()) {
                throw new AssertionError("peer " + userId + ": " + op + " failed: " + answer.path("error").asText());
            }
            return answer.path("result");
        } catch (Exception e) {
            throw new AssertionError("peer " + userId + ": " + op + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode message = JSON.readTree(line);
                if (message.has("event")) {
                    synchronized (this) {
                        events.add(message.path("event").asText());
                    }
                } else if (message.has("ready")) {
                    ready.complete(null);
                } else {
                    CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asLong());
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        ready.completeExceptionally(new IllegalStateException("peer " + userId + " exited"));
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("peer " + userId + " exited")));
    }

    /** Asks the peer to close its client and exit; kills it if it does not within 10 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                synchronized (requests) {
                    requests.write("{\"id\":0,\"op\":\"quit\"}\n".getBytes(StandardCharsets.UTF_8));
                    requests.flush();
                }
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                // already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
