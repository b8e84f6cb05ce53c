package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.parley.engine.StatsReport;
import java.util.Map;

/**
 * Turns webrtc-java's stats reports for one peer connection into Parley {@link StatsReport}s.
 * Bitrates need two samples, so it remembers the byte counters of the previous report.
 *
 * <p>Threading: confined to the engine thread.
 */
final class StatsMapper {

    private long previousTimestampMicros;
    private double previousVideoSent;
    private double previousVideoReceived;
    private double previousAudioSent;
    private double previousAudioReceived;

    StatsReport map(RTCStatsReport report) {
        Map<String, RTCStats> all = report.getStats();
        double videoSent = 0;
        double videoReceived = 0;
        double audioSent = 0;
        double audioReceived = 0;
        int sendWidth = 0;
        int sendHeight = 0;
        double sendFps = 0;
        int receiveWidth = 0;
        int receiveHeight = 0;
        double receiveFps = 0;
        long framesDecoded = 0;
        String limitation = "none";
        double rttMs = 0;
        long lost = 0;
        double jitterMs = 0;
        double audioLevel = 0;
        String pair = "none";

        for (RTCStats stats : all.values()) {
            Map<String, Object> a = stats.getAttributes();
            boolean video = "video".equals(text(a, "kind", text(a, "mediaType", "")));
            if (stats.getType() == RTCStatsType.OUTBOUND_RTP) {
                if (video) {
                    videoSent += number(a, "bytesSent");
                    sendWidth = (int) number(a, "frameWidth");
                    sendHeight = (int) number(a, "frameHeight");
                    sendFps = number(a, "framesPerSecond");
                    limitation = text(a, "qualityLimitationReason", limitation);
                } else {
                    audioSent += number(a, "bytesSent");
                }
            } else if (stats.getType() == RTCStatsType.INBOUND_RTP) {
                lost += (long) number(a, "packetsLost");
                if (video) {
                    videoReceived += number(a, "bytesReceived");
                    receiveWidth = (int) number(a, "frameWidth");
                    receiveHeight = (int) number(a, "frameHeight");
                    receiveFps = number(a, "framesPerSecond");
                    framesDecoded = (long) number(a, "framesDecoded");
                } else {
                    audioReceived += number(a, "bytesReceived");
                    jitterMs = number(a, "jitter") * 1000;
                    audioLevel = number(a, "audioLevel");
                }
            } else if (stats.getType() == RTCStatsType.CANDIDATE_PAIR && Boolean.TRUE.equals(a.get("nominated"))
                    && "succeeded".equals(text(a, "state", ""))) {
                rttMs = number(a, "currentRoundTripTime") * 1000;
                pair = describe(all.get(text(a, "localCandidateId", ""))) + " <-> "
                        + describe(all.get(text(a, "remoteCandidateId", "")));
            }
        }

        long now = report.getTimestamp();
        double seconds = previousTimestampMicros == 0 ? 0 : (now - previousTimestampMicros) / 1e6;
        StatsReport result = new StatsReport(
                kbps(videoSent, previousVideoSent, seconds), kbps(videoReceived, previousVideoReceived, seconds),
                kbps(audioSent, previousAudioSent, seconds), kbps(audioReceived, previousAudioReceived, seconds),
                sendWidth, sendHeight, sendFps, receiveWidth, receiveHeight, receiveFps, framesDecoded, limitation,
                rttMs, lost, jitterMs, audioLevel, pair);
        previousTimestampMicros = now;
        previousVideoSent = videoSent;
        previousVideoReceived = videoReceived;
        previousAudioSent = audioSent;
        previousAudioReceived = audioReceived;
        return result;
    }

    private static double kbps(double bytes, double previousBytes, double seconds) {
        return seconds <= 0 ? 0 : Math.max(0, bytes - previousBytes) * 8 / 1000 / seconds;
    }

    private static String describe(RTCStats candidate) {
        if (candidate == null) {
            return "?";
        }
        Map<String, Object> a = candidate.getAttributes();
        return text(a, "candidateType", "?") + "/" + text(a, "protocol", "?") + " "
                + text(a, "address", text(a, "ip", "?")) + ":" + (long) number(a, "port");
    }

    private static double number(Map<String, Object> attributes, String key) {
        return attributes.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    private static String text(Map<String, Object> attributes, String key, String fallback) {
        Object value = attributes.get(key);
        return value == null ? fallback : value.toString();
    }
}
