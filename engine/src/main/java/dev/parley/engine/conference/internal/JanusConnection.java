package dev.parley.engine.conference.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.conference.JanusException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. One WebSocket to a Janus server ({@code janus-protocol}): requests as JSON with a
 * transaction each, answered within a timeout or failed with a {@link JanusException} that
 * names the request and Janus's error; sessions kept alive while open; the server's own events
 * (a plugin's asynchronous answer, {@code webrtcup}, {@code hangup}, ...) handed to listeners.
 *
 * <p>Janus answers a plugin message with {@code ack} and later an {@code event} carrying the
 * same transaction, or at once with {@code success}; {@link #request} waits for whichever
 * ends the transaction.
 *
 * <p>A connection that ends without {@link #close()} (the server went away, a keep-alive got
 * no answer, the server timed the session out, or it sent what is not JSON) runs the
 * {@code lost} action given at {@link #open} once, on a thread of the connection's own.
 *
 * <p>Threading: thread safe. Listeners run on the WebSocket's threads ({@code parley-janus-io-N})
 * and must not block; keep-alives go out on a thread named {@code parley-janus-keepalive}; both
 * end on close (but for the JDK HTTP client's own selector thread, which ends when the client is
 * collected).
 */
public final class JanusConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JanusConnection.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Duration timeout;
    private final String token;
    private final Runnable lost;
    private final WebSocket socket;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final CopyOnWriteArraySet<Consumer<JsonNode>> listeners = new CopyOnWriteArraySet<>();
    private final AtomicLong transactions = new AtomicLong();
    /** The sessions kept alive, with their keep-alive schedule. */
    private final Map<Long, ScheduledFuture<?>> keptAlive = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService keepAlive;
    private final ExecutorService io;

    private JanusConnection(URI url, Duration timeout, String token, Runnable lost, WebSocket socket,
            ExecutorService io) {
        this.url = url;
        this.timeout = timeout;
        this.token = token;
        this.lost = lost;
        this.socket = socket;
        this.io = io;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-janus-keepalive");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects to {@code url} without a token; nothing to do when the connection is lost. */
    public static JanusConnection open(URI url, Duration timeout) {
        return open(url, timeout, null, () -> { });
    }

    /**
     * Connects to {@code url} (e.g. {@code ws://127.0.0.1:8188}); every request carries
     * {@code token} when not null; {@code lost} runs once if the connection ends without
     * {@link #close()}.
     *
     * @throws JanusException if the server cannot be reached or refuses the WebSocket within {@code timeout}
     */
    public static JanusConnection open(URI url, Duration timeout, String token, Runnable lost) {
        Reader reader = new Reader();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "parley-janus-io-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        WebSocket socket;
        try {
            socket = HttpClient.newBuilder().executor(io).connectTimeout(timeout).build().newWebSocketBuilder()
                    .subprotocols("janus-protocol").connectTimeout(timeout)
                    .buildAsync(url, reader).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            io.shutdownNow();
            throw new JanusException("cannot connect to the Janus server at " + url + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            io.shutdownNow();
            throw new JanusException("the Janus server at " + url + " did not answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
            throw new JanusException("interrupted while connecting to " + url, e);
        }
        JanusConnection connection = new JanusConnection(url, timeout, token, lost, socket, io);
        reader.connection = connection;
        return connection;
    }

    /** Tells {@code listener} every message of the server that answers no request (events). */
    public void addListener(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    /** Stops telling {@code listener}. */
    public void removeListener(Consumer<JsonNode> listener) {
        listeners.remove(listener);
    }

    /**
     * A new Janus session, kept alive every {@code keepAliveEvery} until destroyed or closed
     * (zero: not kept alive, Janus forgets it after its session timeout). A kept-alive session
     * that Janus times out all the same means the connection is lost.
     */
    public long createSession(Duration keepAliveEvery) {
        long session = id(request(message("create"), "create a session"), "create a session");
        if (keepAliveEvery.isZero()) {
            return session;
        }
        keptAlive.put(session, keepAlive.scheduleAtFixedRate(() -> {
            try {
                ObjectNode ping = message("keepalive");
                ping.put("session_id", session);
                request(ping, "keep session " + session + " alive");
            } catch (JanusException e) {
                if (!closed.get()) {
                    log.warn("janus: keep-alive of session {} failed: {}", session, e.getMessage());
                    lose();
                }
            }
        }, keepAliveEvery.toMillis(), keepAliveEvery.toMillis(), TimeUnit.MILLISECONDS));
        return session;
    }

    /**
     * How long the server keeps a session without a keep-alive ({@code session-timeout} of its
     * {@code info}); empty when it never times sessions out or does not say.
     */
    public Optional<Duration> sessionTimeout() {
        JsonNode timeout = request(message("info"), "tell its settings").path("session-timeout");
        return timeout.canConvertToLong() && timeout.asLong() > 0 ? Optional.of(Duration.ofSeconds(timeout.asLong()))
                : Optional.empty();
    }

    /** Attaches {@code plugin} (e.g. {@code janus.plugin.videoroom}) to {@code session}; returns the handle. */
    public long attach(long session, String plugin) {
        ObjectNode attach = message("attach");
        attach.put("session_id", session);
        attach.put("plugin", plugin);
        return id(request(attach, "attach " + plugin), "attach " + plugin);
    }

    /** The positive {@code data.id} of {@code answer}, or a clear error when Janus sent none. */
    private long id(JsonNode answer, String what) {
        JsonNode id = answer.path("data").path("id");
        if (!id.canConvertToLong() || id.asLong() <= 0) {
            throw new JanusException("Janus's answer to \"" + what + "\" has no id: " + abbreviate(answer.toString()), 0);
        }
        return id.asLong();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /**
     * Sends {@code body} (and {@code jsep}, may be null) to the plugin on {@code handle} and
     * returns the plugin's answer: {@code plugindata.data} and, when the plugin sent one, its
     * {@code jsep} under the key {@code "jsep"}.
     *
     * @throws JanusException if Janus or the plugin answers with an error, or nothing comes in time
     */
    public ObjectNode message(long session, long handle, ObjectNode body, ObjectNode jsep) {
        ObjectNode message = message("message");
        message.put("session_id", session);
        message.put("handle_id", handle);
        message.set("body", body);
        if (jsep != null) {
            message.set("jsep", jsep);
        }
        String what = "\"" + body.path("request").asText() + "\" to handle " + handle;
        JsonNode answer = request(message, what);
        ObjectNode data = answer.path("plugindata").path("data").deepCopy();
        if (data.has("error_code") || data.has("error")) {
            throw new JanusException("Janus refused " + what + ": " + data.path("error").asText("error")
                    + " (" + data.path("error_code").asInt() + ")", data.path("error_code").asInt());
        }
        if (answer.has("jsep")) {
            data.set("jsep", answer.get("jsep"));
        }
        return data;
    }

    /** Sends a trickled ICE candidate (null: gathering done) for {@code handle}, without waiting. */
    public void trickle(long session, long handle, ObjectNode candidate) {
        ObjectNode trickle = message("trickle");
        trickle.put("session_id", session);
        trickle.put("handle_id", handle);
        if (candidate == null) {
            trickle.putObject("candidate").put("completed", true);
        } else {
            trickle.set("candidate", candidate);
        }
        send(trickle);
    }

    /** Destroys {@code session} on the server (its handles go with it). */
    public void destroySession(long session) {
        ScheduledFuture<?> pings = keptAlive.remove(session);
        if (pings != null) {
            pings.cancel(false);
        }
        ObjectNode destroy = message("destroy");
        destroy.put("session_id", session);
        request(destroy, "destroy session " + session);
    }

    /** A new message of kind {@code janus}, with a fresh transaction. */
    public ObjectNode message(String janus) {
        ObjectNode message = JSON.createObjectNode();
        message.put("janus", janus);
        message.put("transaction", "parley-" + transactions.incrementAndGet());
        if (token != null) {
            message.put("token", token);
        }
        return message;
    }

    /** A new empty JSON object, for request bodies. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /**
     * Sends {@code message} and waits for the answer that ends its transaction.
     *
     * @throws JanusException on {@code error}, a timeout, or a closed connection
     */
    public JsonNode request(ObjectNode message, String what) {
        String transaction = message.path("transaction").asText();
        // a plugin message's ack only says its event will follow; other requests end with their ack
        Pending answer = new Pending(!"message".equals(message.path("janus").asText()));
        pending.put(transaction, answer);
        try {
            send(message);
            JsonNode reply = answer.future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if ("error".equals(reply.path("janus").asText())) {
                JsonNode error = reply.path("error");
                throw new JanusException("Janus refused to " + what + ": " + error.path("reason").asText()
                        + " (" + error.path("code").asInt() + ")", error.path("code").asInt());
            }
            return reply;
        } catch (TimeoutException e) {
            throw new JanusException("Janus did not answer \"" + what + "\" within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new JanusException("Janus connection lost while waiting to " + what + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException("interrupted while waiting to " + what, e);
        } finally {
            pending.remove(transaction);
        }
    }

    /** One message at a time: the JDK's WebSocket refuses a send while another is pending. */
    private synchronized void send(ObjectNode message) {
        if (closed.get()) {
            throw new JanusException("the connection to " + url + " is closed", 0);
        }
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new JanusException("cannot send to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException("interrupted while sending to " + url, e);
        }
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // a server that is not Janus, or a broken one: nothing it says can be trusted any more
            log.warn("janus: {} sent what is not JSON: {}", url, e.getOriginalMessage());
            JanusException broken = new JanusException("the server at " + url + " sent what is not Janus JSON: "
                    + abbreviate(text), 0);
            pending.values().forEach(p -> p.future.completeExceptionally(broken));
            lose();
            return;
        }
        String kind = message.path("janus").asText();
        if ("timeout".equals(kind) && keptAlive.containsKey(message.path("session_id").asLong())) {
            log.warn("janus: {} timed session {} out", url, message.path("session_id").asLong());
            lose();
            return;
        }
        Pending waiting = pending.get(message.path("transaction").asText());
        boolean ends = switch (kind) {
            case "success", "error", "event", "server_info" -> true;
            case "ack" -> waiting != null && waiting.ackEnds;
            default -> false;
        };
        if (waiting != null && ends) {
            waiting.future.complete(message);
        } else if (!"ack".equals(kind)) {
            listeners.forEach(listener -> listener.accept(message));
        }
    }

    /** A request waiting for the answer that ends its transaction. */
    private static final class Pending {
        final CompletableFuture<JsonNode> future = new CompletableFuture<>();
        final boolean ackEnds;

        Pending(boolean ackEnds) {
            this.ackEnds = ackEnds;
        }
    }

    /** The connection ended without {@link #close()}: fails what waits and runs {@code lost}, once. */
    private void lose() {
        if (closed.getAndSet(true)) {
            return;
        }
        pending.values().forEach(p -> p.future.completeExceptionally(new JanusException("connection to " + url
                + " lost", 0)));
        Thread notice = new Thread(() -> {
            release();
            lost.run();
        }, "parley-janus-lost");
        notice.setDaemon(true);
        notice.start();
    }

    /** Whether the connection ended, closed or lost. */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        release();
    }

    private void release() {
        keepAlive.shutdownNow();
        try {
            keepAlive.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.values().forEach(p -> p.future.completeExceptionally(new JanusException("connection closed", 0)));
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the server went first: nothing to say goodbye to
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.abort();
        io.shutdownNow();
    }

    /** Collects the frames of one message and hands whole messages to the connection. */
    private static final class Reader implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile JanusConnection connection;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                JanusConnection c = connection;
                if (c != null) {
                    c.received(message);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            JanusConnection c = connection;
            if (c != null) {
                c.pending.values().forEach(p -> p.future.completeExceptionally(
                        new JanusException("Janus closed the connection: " + status + " " + reason, 0)));
                c.lose();
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            JanusConnection c = connection;
            if (c != null) {
                c.pending.values().forEach(p -> p.future.completeExceptionally(error));
                c.lose();
            }
        }
    }
}
