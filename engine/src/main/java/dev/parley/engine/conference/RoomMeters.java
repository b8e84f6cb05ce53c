package dev.parley.engine.conference;

import dev.parley.engine.internal.call.ActiveSpeaker;
import dev.parley.engine.internal.call.PeerConnectionPort;
import dev.parley.engine.internal.rtc.LocalMedia;
import dev.parley.engine.internal.rtc.RtcEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * What one {@link ConferenceSession} measures on the client's thread: ten times a second who
 * is speaking (from the levels of everything heard and sent, with the hysteresis of
 * {@link ActiveSpeaker}), and every {@code statsReportInterval} a stats report per connection.
 *
 * <p>Threading: ticks on the client's thread; {@link #activeSpeaker()} from any thread.
 */
final class RoomMeters {

    private static final Duration SPEAKER_TICK = Duration.ofMillis(100);

    private final ConferenceSession session;
    private final long localUser;
    private final LocalMedia media;
    private final RtcEngine rtc;
    private final Supplier<Feed> publication;
    private final Collection<Feed> subscriptions;
    private final ActiveSpeaker speakers = new ActiveSpeaker();
    private final ScheduledFuture<?> speakerTicks;
    private final ScheduledFuture<?> statsTicks;
    private volatile long activeSpeaker = -1;
    private volatile boolean stopped;

    RoomMeters(ConferenceSession session, ConferenceClient client, LocalMedia media, Supplier<Feed> publication,
            Collection<Feed> subscriptions) {
        this.session = session;
        this.localUser = client.userId();
        this.media = media;
        this.rtc = client.rtc();
        this.publication = publication;
        this.subscriptions = subscriptions;
        this.speakerTicks = client.every(SPEAKER_TICK, this::speakerTick);
        Duration stats = client.settings().config().statsReportInterval();
        this.statsTicks = stats.isZero() ? null : client.every(stats, this::reportStats);
    }

    /** Who speaks now, the local user included, or empty before anyone has. */
    OptionalLong activeSpeaker() {
        long speaker = activeSpeaker;
        return speaker < 0 ? OptionalLong.empty() : OptionalLong.of(speaker);
    }

    /** Stops measuring (the session left). */
    void stop() {
        stopped = true;
        speakerTicks.cancel(false);
        if (statsTicks != null) {
            statsTicks.cancel(false);
        }
    }

    private void speakerTick() {
        if (stopped) {
            return;
        }
        Map<Long, Double> levels = new HashMap<>();
        if (publication.get() != null) {
            levels.put(localUser, media.localAudioLevel());
        }
        for (Feed feed : subscriptions) {
            if (feed.audio != null) {
                levels.put(feed.userId, feed.audio.level());
            }
        }
        speakers.update(levels, System.nanoTime()).ifPresent(speaker -> {
            activeSpeaker = speaker;
            session.activeSpeakerChanged(speaker);
        });
    }

    private void reportStats() {
        List<Feed> feeds = new ArrayList<>(subscriptions);
        Feed own = publication.get();
        if (own != null) {
            feeds.add(own);
        }
        for (Feed feed : feeds) {
            PeerConnectionPort connection = feed.connection;
            if (connection == null || stopped) {
                continue;
            }
            try {
                rtc.execute(() -> {
                    if (feed.isOpen()) {
                        connection.collectStats(report -> session.statsReportUpdated(feed.userId, report));
                    }
                });
            } catch (IllegalStateException e) {
                return; // the engine closed: the session is going
            }
        }
    }
}
