package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.video.VideoTrackSink;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoSink;
import dev.parley.engine.VideoTrack;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. A Parley {@link VideoTrack} over a native webrtc-java track, local or remote. One
 * native sink fans frames out to the Parley sinks; it is registered only while there is at
 * least one, so an unwatched track costs no frame copies. Every native frame is released after
 * delivery.
 *
 * <p>Threading: public methods from any thread; {@link #replaceNative} and {@link #end} on the
 * engine thread.
 */
public final class NativeVideoTrack extends NativeTrack<dev.onvoid.webrtc.media.video.VideoTrack> implements VideoTrack {

    private static final Logger log = LoggerFactory.getLogger(NativeVideoTrack.class);

    private final List<VideoSink> sinks = new CopyOnWriteArrayList<>();
    private final VideoTrackSink nativeSink = this::deliver;
    private boolean nativeSinkAttached;

    NativeVideoTrack(RtcEngine rtc, long userId, dev.onvoid.webrtc.media.video.VideoTrack nativeTrack) {
        super(rtc, userId, nativeTrack);
    }

    @Override
    public Subscription addSink(VideoSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (isEnded()) {
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
    public int sinkCount() {
        return sinks.size();
    }

    @Override
    void replaceNative(dev.onvoid.webrtc.media.video.VideoTrack replacement) {
        detachNativeSink();
        super.replaceNative(replacement);
        syncNativeSink();
    }

    @Override
    public void end() {
        detachNativeSink();
        super.end();
        sinks.clear();
    }

    private void syncNativeSink() {
        boolean wanted = !isEnded() && nativeTrack != null && !sinks.isEmpty();
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
                    log.error("a VideoSink of user {} threw; it keeps getting frames", userId(), e);
                }
            }
        } finally {
            view.invalidate();
            frame.release();
        }
    }

    @Override
    public String toString() {
        return "VideoTrack[user " + userId() + (isEnded() ? ", ended" : isEnabled() ? "" : ", disabled") + "]";
    }
}
