package dev.parley.engine;

import dev.onvoid.webrtc.media.video.VideoTrackSink;
import dev.parley.engine.internal.NativeFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Parley {@link VideoTrack} over a native webrtc-java track, local or remote. One native sink
 * fans frames out to the Parley sinks; it is registered only while there is at least one, so an
 * unwatched track costs no frame copies. Every native frame is released after delivery.
 *
 * <p>Threading: public methods from any thread; {@link #replaceNative} and {@link #end} on the
 * engine thread.
 */
final class VideoTrackImpl implements VideoTrack {

    private static final Logger log = LoggerFactory.getLogger(VideoTrackImpl.class);

    private final RtcEngine rtc;
    private final long userId;
    private final List<VideoSink> sinks = new CopyOnWriteArrayList<>();
    private final VideoTrackSink nativeSink = this::deliver;
    private dev.onvoid.webrtc.media.video.VideoTrack nativeTrack;
    private boolean nativeSinkAttached;
    private volatile boolean enabled = true;
    private volatile boolean ended;

    VideoTrackImpl(RtcEngine rtc, long userId, dev.onvoid.webrtc.media.video.VideoTrack nativeTrack) {
        this.rtc = rtc;
        this.userId = userId;
        this.nativeTrack = nativeTrack;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        rtc.execute(() -> {
            if (!ended && nativeTrack != null) {
                nativeTrack.setEnabled(enabled);
            }
        });
    }

    @Override
    public boolean isEnded() {
        return ended;
    }

    @Override
    public Subscription addSink(VideoSink sink) {
        java.util.Objects.requireNonNull(sink, "sink");
        if (ended) {
            return () -> { };
        }
        sinks.add(sink);
        rtc.execute(this::syncNativeSink);
        return () -> {
            if (sinks.remove(sink)) {
                rtc.execute(this::syncNativeSink);
            }
        };
    }

    /** Number of Parley sinks attached; for tests. */
    int sinkCount() {
        return sinks.size();
    }

    void replaceNative(dev.onvoid.webrtc.media.video.VideoTrack replacement) {
        detachNativeSink();
        nativeTrack = replacement;
        nativeTrack.setEnabled(enabled);
        syncNativeSink();
    }

    /** Stops delivery for good; must run before the native track is freed. */
    void end() {
        ended = true;
        detachNativeSink();
        nativeTrack = null;
        sinks.clear();
    }

    private void syncNativeSink() {
        boolean wanted = !ended && nativeTrack != null && !sinks.isEmpty();
        if (wanted && !nativeSinkAttached) {
            nativeTrack.addSink(nativeSink);
            nativeSinkAttached = true;
        } else if (!wanted) {
            detachNativeSink();
        }
    }

    private void detachNativeSink() {
        if (nativeSinkAttached && nativeTrack != null) {
            nativeTrack.removeSink(nativeSink);
        }
        nativeSinkAttached = false;
    }

    private void deliver(dev.onvoid.webrtc.media.video.VideoFrame frame) {
        NativeFrame view = new NativeFrame(frame);
        try {
            for (VideoSink sink : sinks) {
                try {
                    sink.onFrame(view);
                } catch (RuntimeException e) {
                    log.error("a VideoSink of user {} threw; it keeps getting frames", userId, e);
                }
            }
        } finally {
            view.invalidate();
            frame.release();
        }
    }

    @Override
    public String toString() {
        return "VideoTrack[user " + userId + (ended ? ", ended" : enabled ? "" : ", disabled") + "]";
    }
}
