package dev.parley.engine.conference;

import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallConfig;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.StatsReport;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.testing.TestPatterns;
import dev.parley.engine.testing.Waits;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** What the conference tests share: headless clients, an event recorder, the pattern check. */
final class Rooms {

    static final Duration WAIT = Duration.ofSeconds(15);

    private Rooms() {
    }

    /** A headless client for {@code userId} with events on a thread of its own, configured by {@code config}. */
    static ConferenceClient client(URI url, long userId, CallConfig.Builder config) {
        return ConferenceClient.create(settings(url, userId, config));
    }

    static ConferenceSettings settings(URI url, long userId, CallConfig.Builder config) {
        CallConfig built = config.audioDeviceMode(AudioDeviceMode.HEADLESS)
                .callbackExecutor(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "test-conference-events-" + userId);
                    t.setDaemon(true);
                    return t;
                })).build();
        return ConferenceSettings.of(url, userId).withConfig(built);
    }

    /** Records events as short lines: "joined 2", "left 2", "video 2", "state 2 CONNECTED", "reconnection 2 RECONNECTED", ... */
    static ConferenceListener recorder(List<String> events) {
        return new ConferenceListener() {
            @Override
            public void participantJoined(ConferenceSession session, long userId) {
                events.add("joined " + userId);
            }

            @Override
            public void participantLeft(ConferenceSession session, long userId) {
                events.add("left " + userId);
            }

            @Override
            public void remoteVideoTrackReceived(ConferenceSession session, long userId, VideoTrack track) {
                events.add("video " + userId);
            }

            @Override
            public void remoteAudioTrackReceived(ConferenceSession session, long userId, AudioTrack track) {
                events.add("audio " + userId);
            }

            @Override
            public void connectionStateChanged(ConferenceSession session, long userId, ConnectionState state) {
                events.add("state " + userId + " " + state);
            }

            @Override
            public void reconnectionStateChanged(ConferenceSession session, long userId, ReconnectionState state) {
                events.add("reconnection " + userId + " " + state);
            }

            @Override
            public void statsReportUpdated(ConferenceSession session, long userId, StatsReport report) {
                String what = "stats " + userId + (report.videoSendBitrateKbps() > 0 ? " sending" : "")
                        + (report.videoReceiveFps() > 0 ? " receiving" : "");
                if (!events.contains(what)) {
                    events.add(what);
                }
            }

            @Override
            public void errorReceived(ConferenceSession session, JanusException error) {
                events.add("error " + error.getMessage());
            }

            @Override
            public void sessionClosed(ConferenceSession session) {
                events.add("closed");
            }
        };
    }

    /** The test pattern's bars arrive in {@code track}'s frames. */
    static void assertPattern(VideoTrack track, String what) {
        AtomicReference<String> mismatch = new AtomicReference<>("no frame");
        try (var sink = track.addSink(frame -> {
            ByteBuffer argb = ByteBuffer.allocateDirect(frame.width() * frame.height() * 4).order(ByteOrder.LITTLE_ENDIAN);
            frame.convertToArgb(argb);
            int[] pixels = new int[frame.width() * frame.height()];
            argb.asIntBuffer().get(pixels);
            int width = frame.width();
            mismatch.set(String.join("; ", TestPatterns.barMismatches((x, y) -> pixels[y * width + x], 0, 0, width,
                    frame.height(), 48)));
        })) {
            Waits.until(() -> mismatch.get().isEmpty(), WAIT, () -> what + " to show the pattern: " + mismatch.get());
        }
    }
}
