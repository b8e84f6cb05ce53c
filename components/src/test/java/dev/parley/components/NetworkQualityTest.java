package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.StatsReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quality bars' thresholds, as documented on {@link NetworkQuality}. */
class NetworkQualityTest {

    @ParameterizedTest(name = "video {0} kbit/s, audio {1}, RTT {2} ms, {3} lost in 1 s, width {4}: {5} bars")
    @CsvSource({
        "900, 40,   20,  0, 640, 3",   // a clean call
        "900, 40,  149,  0, 640, 3",
        "900, 40,  150,  0, 640, 2",   // slower round trip
        "900, 40,   20,  1, 640, 2",   // a lost packet a second
        "100, 40,   20,  0, 640, 2",   // video starved
        "900, 40,  399,  9, 640, 2",
        "900, 40,  400,  0, 640, 1",
        "900, 40,   20, 10, 640, 1",   // ten lost a second
        "  0, 40,   20,  0, 640, 2",   // video gone, audio flows
        "  0, 40,   20,  0,   0, 3",   // an audio call
        "  0,  0,   20,  0, 640, 0",   // nothing arrives
        "900, 40, 2500,  0, 640, 0",   // a round trip this long is a dead link
    })
    void bars(double videoKbps, double audioKbps, double rttMs, long lostInASecond, int width, int expected) {
        StatsReport before = report(videoKbps, audioKbps, rttMs, 100, width);
        StatsReport now = report(videoKbps, audioKbps, rttMs, 100 + lostInASecond, width);
        assertThat(NetworkQuality.bars(before, now, 1.0)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "the first report, {0} lost since the start: {1} bars")
    @CsvSource({"0, 3", "500, 3"})
    void theFirstReportHasNoLossRateYet(long lostSinceStart, int expected) {
        assertThat(NetworkQuality.bars(null, report(900, 40, 20, lostSinceStart, 640), 0)).isEqualTo(expected);
    }

    private static StatsReport report(double videoKbps, double audioKbps, double rttMs, long lost, int width) {
        return new StatsReport(900, videoKbps, 40, audioKbps, 640, 480, 30, width, width * 3 / 4, 30, 100, "none",
                rttMs, lost, 1, 0.1, "host/udp");
    }
}
