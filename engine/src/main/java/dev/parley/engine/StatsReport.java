package dev.parley.engine;

import java.util.Locale;

/**
 * Figures from one peer connection at one moment, as QuickBlox's {@code QBRTCStatsReport}.
 * Bitrates are averaged since the previous report of the same connection. A figure the
 * connection does not have (no video in an audio call, no RTT yet) is 0.
 *
 * <p>Threading: immutable.
 *
 * @param videoSendBitrateKbps video sent, kilobits per second
 * @param videoReceiveBitrateKbps video received, kilobits per second
 * @param audioSendBitrateKbps audio sent, kilobits per second
 * @param audioReceiveBitrateKbps audio received, kilobits per second
 * @param videoSendWidth width of the video being sent, pixels
 * @param videoSendHeight height of the video being sent, pixels
 * @param videoSendFps frames per second being sent
 * @param videoReceiveWidth width of the video being received, pixels
 * @param videoReceiveHeight height of the video being received, pixels
 * @param videoReceiveFps frames per second being decoded
 * @param framesDecoded video frames decoded since the connection started
 * @param qualityLimitation why the sender lowered its resolution or rate ("none", "cpu", "bandwidth")
 * @param roundTripTimeMs round trip time of the selected candidate pair, milliseconds
 * @param packetsLost packets lost on the received streams since the start
 * @param jitterMs jitter of the received audio, milliseconds
 * @param audioLevel level of the received audio, 0 to 1
 * @param candidatePair the selected candidate pair, e.g. {@code host/udp 192.0.2.2:50000 <-> host/udp 192.0.2.2:50001}
 */
public record StatsReport(
        double videoSendBitrateKbps,
        double videoReceiveBitrateKbps,
        double audioSendBitrateKbps,
        double audioReceiveBitrateKbps,
        int videoSendWidth,
        int videoSendHeight,
        double videoSendFps,
        int videoReceiveWidth,
        int videoReceiveHeight,
        double videoReceiveFps,
        long framesDecoded,
        String qualityLimitation,
        double roundTripTimeMs,
        long packetsLost,
        double jitterMs,
        double audioLevel,
        String candidatePair) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "video out %dx%d@%.0f %.0f kbps (limit %s), video in %dx%d@%.0f %.0f kbps (%d decoded), "
                        + "audio out %.0f kbps, audio in %.0f kbps level %.2f, rtt %.1f ms, lost %d, jitter %.1f ms, pair %s",
                videoSendWidth, videoSendHeight, videoSendFps, videoSendBitrateKbps, qualityLimitation,
                videoReceiveWidth, videoReceiveHeight, videoReceiveFps, videoReceiveBitrateKbps, framesDecoded,
                audioSendBitrateKbps, audioReceiveBitrateKbps, audioLevel, roundTripTimeMs, packetsLost, jitterMs,
                candidatePair);
    }
}
