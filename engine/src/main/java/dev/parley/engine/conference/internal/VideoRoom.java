package dev.parley.engine.conference.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Not API. The requests of Janus's video room plugin that conferences use, in Parley's terms:
 * SDP text and user ids in, SDP text and user ids out; the JSON stays here.
 *
 * <p>Threading: as {@link JanusConnection}.
 */
public final class VideoRoom {

    /** The plugin's name. */
    public static final String PLUGIN = "janus.plugin.videoroom";

    private final JanusConnection janus;
    private final long session;

    public VideoRoom(JanusConnection janus, long session) {
        this.janus = janus;
        this.session = session;
    }

    /** A publisher's answer: Janus's SDP and who already publishes. */
    public record Published(String answerSdp, List<Long> publishers) {
    }

    /** What the room reports to a publisher's handle: who started publishing, who left. */
    public record Change(List<Long> joined, List<Long> left) {
    }

    /** A new handle on the video room plugin. */
    public long attach() {
        return janus.attach(session, PLUGIN);
    }

    /** Joins {@code room} as publisher {@code userId} with {@code offerSdp}. */
    public Published publish(long handle, long room, long userId, boolean video, String offerSdp) {
        ObjectNode join = JanusConnection.object().put("request", "joinandconfigure").put("room", room)
                .put("ptype", "publisher").put("id", userId).put("display", Long.toString(userId))
                .put("audio", true).put("video", video);
        ObjectNode answer = janus.message(session, handle, join, sdp("offer", offerSdp));
        return new Published(answer.path("jsep").path("sdp").asText(), publishers(answer));
    }

    /** Joins {@code room} as a subscriber to {@code userId}'s feed; returns Janus's offer. */
    public String subscribe(long handle, long room, long userId) {
        ObjectNode join = JanusConnection.object().put("request", "join").put("room", room).put("ptype", "subscriber");
        join.putArray("streams").addObject().put("feed", userId);
        return janus.message(session, handle, join, null).path("jsep").path("sdp").asText();
    }

    /** Starts a subscription with the subscriber's answer. */
    public void start(long handle, long room, String answerSdp) {
        janus.message(session, handle, JanusConnection.object().put("request", "start").put("room", room),
                sdp("answer", answerSdp));
    }

    /**
     * Restarts ICE on a publisher's handle: {@code offerSdp} carries new ICE credentials;
     * returns Janus's answer.
     */
    public String restartPublisher(long handle, String offerSdp) {
        ObjectNode configure = JanusConnection.object().put("request", "configure");
        return janus.message(session, handle, configure, sdp("offer", offerSdp)).path("jsep").path("sdp").asText();
    }

    /** Restarts ICE on a subscriber's handle: returns Janus's new offer, to be answered with {@link #start}. */
    public String restartSubscription(long handle) {
        ObjectNode configure = JanusConnection.object().put("request", "configure").put("restart", true);
        return janus.message(session, handle, configure, null).path("jsep").path("sdp").asText();
    }

    /**
     * Asks Janus to send (or stop sending) the stream {@code mid} of a subscription, which
     * keeps its other streams: a video out of sight stops costing bandwidth and decoding while its
     * audio plays on, and a participant muted for this user stops costing decoding while their video plays on.
     */
    public void setSending(long handle, String mid, boolean send) {
        ObjectNode configure = JanusConnection.object().put("request", "configure");
        configure.putArray("streams").addObject().put("mid", mid).put("send", send);
        janus.message(session, handle, configure, null);
    }

    /** The mid of the first {@code kind} ("audio", "video") section of {@code sdp}, or null without one. */
    public static String firstMid(String sdp, String kind) {
        boolean wanted = false;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                wanted = line.startsWith("m=" + kind + " ");
            } else if (wanted && line.startsWith("a=mid:")) {
                return line.substring("a=mid:".length()).trim();
            }
        }
        return null;
    }

    /** Leaves the room on a publisher's handle. */
    public void leave(long handle) {
        janus.message(session, handle, JanusConnection.object().put("request", "leave"), null);
    }

    /** Detaches a handle. */
    public void detach(long handle) {
        ObjectNode detach = janus.message("detach");
        detach.put("session_id", session);
        detach.put("handle_id", handle);
        janus.request(detach, "detach handle " + handle);
    }

    /** Trickles one local candidate for {@code handle}. */
    public void trickle(long handle, String candidate, String sdpMid, int sdpMLineIndex) {
        janus.trickle(session, handle, JanusConnection.object().put("candidate", candidate).put("sdpMid", sdpMid)
                .put("sdpMLineIndex", sdpMLineIndex));
    }

    /** Tells {@code changes} what the room reports to {@code handle}, until the returned stop runs. */
    public Runnable watch(long handle, Consumer<Change> changes) {
        Consumer<JsonNode> listener = message -> {
            if (message.path("sender").asLong() != handle) {
                return;
            }
            JsonNode data = message.path("plugindata").path("data");
            List<Long> left = new ArrayList<>();
            for (String key : List.of("leaving", "unpublished")) {
                if (data.path(key).canConvertToLong()) {
                    left.add(data.path(key).asLong());
                }
            }
            List<Long> joined = publishers(data);
            if (!joined.isEmpty() || !left.isEmpty()) {
                changes.accept(new Change(joined, left));
            }
        };
        janus.addListener(listener);
        return () -> janus.removeListener(listener);
    }

    private static List<Long> publishers(JsonNode data) {
        List<Long> ids = new ArrayList<>();
        data.path("publishers").forEach(p -> ids.add(p.path("id").asLong()));
        return ids;
    }

    private static ObjectNode sdp(String type, String sdp) {
        return JanusConnection.object().put("type", type).put("sdp", sdp);
    }
}
