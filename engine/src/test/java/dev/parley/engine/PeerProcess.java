package dev.parley.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.internal.rtc.NativeTracker;
import dev.parley.engine.testing.EventLog;
import dev.parley.engine.xmpp.XmppSettings;
import dev.parley.engine.xmpp.XmppSignaling;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Parley user in a process of its own, for tests that put peers on separate networks (a
 * network namespace each; see {@link RemotePeer}). It logs in over XMPP, answers every call
 * with the test pattern when {@code --auto-accept} is given, and is driven by JSON lines on
 * stdin; it prints every listener event and every reply as JSON lines on stdout.
 *
 * <pre>
 * args: --user ID --password P --host H --port N --domain D --app-id A --trust PEM
 *       [--disconnect SECONDS] [--restart-delay MILLIS] [--auto-accept]
 * in:   {"id":1,"op":"call","to":[111],"type":"VIDEO"}   {"id":2,"op":"hangUp"}
 *       {"id":3,"op":"frames","from":111}   {"id":4,"op":"natives"}   {"id":5,"op":"quit"}
 * out:  {"ready":true}   {"event":"connectedToUser 111"}   {"id":1,"ok":true,"result":...}
 * </pre>
 */
public final class PeerProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallClient client;
    private final Map<Long, FrameTimes> probes = new ConcurrentHashMap<>();
    private volatile CallSession current;

    private PeerProcess(CallClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long userId = Long.parseLong(options.get("user"));
        XmppSettings settings = XmppSettings.builder().host(options.get("host"))
                .port(Integer.parseInt(options.get("port"))).domain(options.get("domain"))
                .appId(Long.parseLong(options.get("app-id"))).userId(userId).password(options.get("password"))
                .trustCertificate(Path.of(options.get("trust"))).build();
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "peer-callbacks"));
        CallConfig.Builder config = CallConfig.builder().callbackExecutor(callbacks)
                .audioDeviceMode(AudioDeviceMode.HEADLESS);
        if (options.containsKey("disconnect")) {
            config.disconnectTimeInterval(Duration.ofSeconds(Long.parseLong(options.get("disconnect"))));
        }
        if (options.containsKey("restart-delay")) {
            config.iceRestartDelay(Duration.ofMillis(Long.parseLong(options.get("restart-delay"))));
        }
        CallClient client = CallClient.create(XmppSignaling.connect(settings), config.build());
        PeerProcess peer = new PeerProcess(client);
        client.addListener(new EventLog(event -> print(JSON.createObjectNode().put("event", event))));
        client.addListener(peer.new Media(options.containsKey("auto-accept")));
        print(JSON.createObjectNode().put("ready", true));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode request = JSON.readTree(line);
            ObjectNode reply = JSON.createObjectNode().put("id", request.path("id").asLong());
            try {
                reply.set("result", JSON.valueToTree(peer.handle(request)));
                reply.put("ok", true);
            } catch (RuntimeException e) {
                reply.put("ok", false).put("error", e.toString());
            }
            print(reply);
            if ("quit".equals(request.path("op").asText())) {
                break;
            }
        }
        client.close();
        callbacks.shutdown();
        System.exit(0);
    }

    private Object handle(JsonNode request) {
        switch (request.path("op").asText()) {
            case "call" -> {
                List<Long> to = JSON.convertValue(request.path("to"), JSON.getTypeFactory()
                        .constructCollectionType(List.class, Long.class));
                ConferenceType type = ConferenceType.valueOf(request.path("type").asText("VIDEO"));
                CallSession session = client.createSession(to, type);
                if (type == ConferenceType.VIDEO) {
                    session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                }
                current = session;
                session.startCall(Map.of());
                return session.id();
            }
            case "hangUp" -> {
                requireSession().hangUp(Map.of());
                return true;
            }
            case "frames" -> {
                FrameTimes probe = probes.get(request.path("from").asLong());
                return probe == null ? 0 : probe.frames();
            }
            case "connectionState" -> {
                return requireSession().connectionState(request.path("of").asLong()).name();
            }
            case "natives" -> {
                return NativeTracker.snapshot();
            }
            case "quit" -> {
                return true;
            }
            default -> throw new IllegalArgumentException("unknown op " + request.path("op"));
        }
    }

    private CallSession requireSession() {
        CallSession session = current;
        if (session == null) {
            throw new IllegalStateException("no session yet");
        }
        return session;
    }

    /** Answers calls with the test pattern (when asked to) and counts the frames that arrive. */
    private final class Media implements CallListener {
        private final boolean autoAccept;

        Media(boolean autoAccept) {
            this.autoAccept = autoAccept;
        }

        @Override
        public void sessionReceived(CallSession session, Map<String, String> userInfo) {
            current = session;
            if (autoAccept) {
                if (session.conferenceType() == ConferenceType.VIDEO) {
                    session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                }
                session.acceptCall(Map.of());
            }
        }

        @Override
        public void remoteVideoTrackReceived(CallSession session, long userId, VideoTrack track) {
            FrameTimes probe = new FrameTimes();
            probes.put(userId, probe);
            track.addSink(probe);
        }
    }

    private static synchronized void print(JsonNode line) {
        System.out.println(line.toString());
        System.out.flush();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an --option, got " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }
}
