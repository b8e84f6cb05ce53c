package dev.parley.engine.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real QuickBlox JavaScript SDK 2.23.0 in Debian's Chromium, headless with a fake camera
 * and microphone, driven through {@code src/interop/driver.mjs}. Each {@link Peer} is one page
 * (its own browser context) logged in to Prosody over XMPP WebSocket as one user.
 */
public final class QuickBloxBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final OutputStream requests;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String browserVersion;

    private QuickBloxBrowser(Process driver, String browserVersion) {
        this.driver = driver;
        this.requests = driver.getOutputStream();
        this.browserVersion = browserVersion;
    }

    /** What the pages' fake microphone plays. */
    public enum FakeMicrophone {
        /** A steady 440 Hz sine. */
        TONE,
        /** 250 ms of 440 Hz every 2 s, for latency measurements. */
        TONE_BURSTS
    }

    /** Prepares the harness (npm ci, the SDK bundle) if needed and starts the browser. */
    public static QuickBloxBrowser start() {
        return start(FakeMicrophone.TONE);
    }

    /** {@link #start()}, with the pages' microphone playing {@code microphone}. */
    public static QuickBloxBrowser start(FakeMicrophone microphone) {
        return start(microphone, 0);
    }

    /**
     * {@link #start(FakeMicrophone)}, with the fake camera at {@code cameraFps} frames per
     * second (0: Chromium's default), for measurements against Parley's 30 fps.
     */
    public static QuickBloxBrowser start(FakeMicrophone microphone, int cameraFps) {
        Path root = Scripts.projectRoot();
        Scripts.runFile("src/interop/setup.sh", new String[0]);
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            throw new ServerUnavailableException("Debian's chromium is not installed (/usr/bin/chromium)");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("node", root.resolve("src/interop/driver.mjs").toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("src/interop/driver.log").toFile()));
            // The browser plays nothing aloud: the test sound server is for the Parley side only.
            builder.environment().remove("PULSE_SERVER");
            if (microphone == FakeMicrophone.TONE_BURSTS) {
                builder.environment().put("PARLEY_FAKE_MIC", "bursts");
            }
            if (cameraFps > 0) {
                builder.environment().put("PARLEY_FAKE_CAMERA_FPS", Integer.toString(cameraFps));
            }
            Process process = builder.start();
            BufferedReader replies = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return replies.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            String ready;
            try {
                ready = first.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                throw new ServerUnavailableException("the browser driver did not start; see src/interop/driver.log", e);
            }
            if (ready == null || !JSON.readTree(ready).path("ready").asBoolean()) {
                process.destroyForcibly();
                throw new ServerUnavailableException("the browser driver did not start (" + ready
                        + "); see src/interop/driver.log");
            }
            QuickBloxBrowser browser = new QuickBloxBrowser(process, JSON.readTree(ready).path("browser").asText());
            Thread reader = new Thread(() -> browser.readReplies(replies), "parley-test-browser-replies");
            reader.setDaemon(true);
            reader.start();
            return browser;
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot start node for the browser driver: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted while starting the browser", e);
        }
    }

    /** The driver's process: Chromium and all its helper processes descend from it. */
    public ProcessHandle process() {
        return driver.toHandle();
    }

    /** Chromium's version, for reports. */
    public String browserVersion() {
        return browserVersion;
    }

    /** Opens a page for {@code userId}, initialises the SDK for Prosody and logs in over WebSocket. */
    public Peer open(Prosody prosody, long userId) {
        prosody.user(userId);
        String page = "user-" + userId + "-" + ids.incrementAndGet();
        request(page, "open", null, List.of(), Duration.ofSeconds(30));
        Peer peer = new Peer(page, userId);
        peer.invoke("init", Prosody.APP_ID, Prosody.DOMAIN, prosody.websocketUrl());
        peer.loginMillis = peer.invoke("login", userId, Prosody.password(userId)).asDouble();
        return peer;
    }

    /**
     * Opens the janus.js video room page (Meetecho's janus.js from npm {@code janus-gateway},
     * no QuickBlox SDK) for {@code userId}; drive it with {@link Peer#invoke}: {@code join(url,
     * room, id)}, {@code subscribe(feed)}, {@code received(feed)}, {@code leave()}.
     */
    public Peer openJanusPage(long userId) {
        String page = "janus-" + userId + "-" + ids.incrementAndGet();
        request(page, "open", null, List.of(), Duration.ofSeconds(30), "janus.html");
        return new Peer(page, userId);
    }

    private void readReplies(BufferedReader replies) {
        try {
            for (String line = replies.readLine(); line != null; line = replies.readLine()) {
                JsonNode reply = JSON.readTree(line);
                CompletableFuture<JsonNode> future = pending.remove(reply.path("id").asLong());
                if (future != null) {
                    future.complete(reply);
                }
            }
        } catch (IOException e) {
            // the driver is gone; fail whatever waits
        }
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the browser driver exited")));
    }

    private JsonNode request(String page, String op, String fn, List<Object> args, Duration timeout) {
        return request(page, op, fn, args, timeout, null);
    }

    private JsonNode request(String page, String op, String fn, List<Object> args, Duration timeout, String path) {
        long id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("id", id).put("op", op).put("page", page);
        if (path != null) {
            request.put("path", path);
        }
        if (fn != null) {
            request.put("fn", fn);
            request.set("args", JSON.valueToTree(args));
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            synchronized (requests) {
                requests.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
                requests.flush();
            }
            JsonNode answer = reply.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            if (!answer.path("ok").asBoolean()) {
                throw new AssertionError("QuickBlox page " + page + ": " + (fn != null ? fn : op) + " failed: "
                        + answer.path("error").asText());
            }
            return answer.path("result");
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new AssertionError("QuickBlox page " + page + ": " + (fn != null ? fn : op) + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            requests.close();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (IOException e) {
            driver.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            driver.destroyForcibly();
        }
    }

    /** One QuickBlox JS SDK user in its own page; see {@code src/interop/page/peer.js}. */
    public final class Peer implements AutoCloseable {
        private final String page;
        private final long userId;
        private double loginMillis;

        private Peer(String page, long userId) {
            this.page = page;
            this.userId = userId;
        }

        public long userId() {
            return userId;
        }

        /** How long {@code QB.chat.connect} took, in milliseconds. */
        public double loginMillis() {
            return loginMillis;
        }

        /** Calls {@code window.peer.fn(args)} in the page and returns its result. */
        public JsonNode invoke(String fn, Object... args) {
            return request(page, "call", fn, List.of(args), Duration.ofSeconds(30));
        }

        /** Starts a call; returns {@code {sessionId, startedAt}}. */
        public JsonNode call(List<Long> opponents, int callType, Map<String, String> userInfo) {
            return invoke("call", opponents, callType, userInfo);
        }

        public JsonNode accept(Map<String, String> userInfo) {
            return invoke("accept", userInfo);
        }

        public void reject(Map<String, String> userInfo) {
            invoke("reject", userInfo);
        }

        public void hangUp(Map<String, String> userInfo) {
            invoke("hangUp", userInfo);
        }

        /** The first event of {@code type} whose fields equal {@code fields}, waiting up to {@code timeout}. */
        public JsonNode await(String type, Map<String, Object> fields, Duration timeout) {
            return request(page, "call", "waitFor", List.of(type, fields, timeout.toMillis()), timeout);
        }

        /** Size and decoded frames of the video the page receives from {@code fromUserId}. */
        public JsonNode remoteVideo(long fromUserId) {
            return invoke("remoteVideo", fromUserId);
        }

        /** The tones in {@code fromUserId}'s audio as the page hears it (WebAudio), or null without audio. */
        public JsonNode remoteAudioTone(long fromUserId, double hz) {
            return invoke("remoteAudioTone", fromUserId, hz);
        }

        /** Every event so far. */
        public JsonNode events() {
            return invoke("events");
        }

        @Override
        public void close() {
            request(page, "close", null, List.of(), Duration.ofSeconds(10));
        }
    }
}
