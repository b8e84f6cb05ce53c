package dev.parley.components;

import dev.parley.engine.StatsReport;

/**
 * How good a participant's connection looks, 0 to 3 bars, from two consecutive stats reports
 * of their peer connection (what a call window shows beside a name):
 * <ul>
 * <li>3, good: round trip under {@value #GOOD_RTT_MS} ms, fewer than {@value #GOOD_LOSS_PER_S}
 *     packets lost a second, and media arriving (video at {@value #GOOD_VIDEO_KBPS} kbit/s or
 *     more in a video call with video, audio at {@value #MIN_AUDIO_KBPS} kbit/s or more);
 * <li>2, fair: round trip under {@value #FAIR_RTT_MS} ms, fewer than {@value #FAIR_LOSS_PER_S}
 *     lost a second, media arriving;
 * <li>1, poor: media still arriving, but worse than fair;
 * <li>0, none: nothing arriving, or a round trip over {@value #LOST_RTT_MS} ms.
 * </ul>
 * Loss is counted between the two reports, so one bad second in the past does not stick.
 *
 * <p>Threading: stateless.
 */
final class NetworkQuality {

    static final double GOOD_RTT_MS = 150;
    static final double FAIR_RTT_MS = 400;
    static final double LOST_RTT_MS = 2000;
    static final double GOOD_LOSS_PER_S = 1;
    static final double FAIR_LOSS_PER_S = 10;
    static final double GOOD_VIDEO_KBPS = 150;
    static final double MIN_AUDIO_KBPS = 4;

    private NetworkQuality() {
    }

    /** Bars for {@code now}, {@code seconds} after {@code before} (null for the first report). */
    static int bars(StatsReport before, StatsReport now, double seconds) {
        double received = now.audioReceiveBitrateKbps() + now.videoReceiveBitrateKbps();
        if (received < MIN_AUDIO_KBPS || now.roundTripTimeMs() > LOST_RTT_MS) {
            return 0;
        }
        double lossPerSecond = before == null || seconds <= 0 ? 0
                : Math.max(0, now.packetsLost() - before.packetsLost()) / seconds;
        boolean videoExpected = now.videoReceiveWidth() > 0;
        boolean mediaFlowing = now.audioReceiveBitrateKbps() >= MIN_AUDIO_KBPS || now.videoReceiveBitrateKbps() > 0;
        if (now.roundTripTimeMs() < GOOD_RTT_MS && lossPerSecond < GOOD_LOSS_PER_S && mediaFlowing
                && (!videoExpected || now.videoReceiveBitrateKbps() >= GOOD_VIDEO_KBPS)) {
            return 3;
        }
        if (now.roundTripTimeMs() < FAIR_RTT_MS && lossPerSecond < FAIR_LOSS_PER_S && mediaFlowing) {
            return 2;
        }
        return 1;
    }
}
