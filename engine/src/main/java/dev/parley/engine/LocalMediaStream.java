package dev.parley.engine;

import dev.parley.engine.internal.call.EngineThread;
import dev.parley.engine.internal.rtc.LocalMedia;
import dev.parley.engine.internal.rtc.MediaBridge;

/**
 * What the local user sends in one session, as QuickBlox's {@code localMediaStream}: the
 * microphone as an {@link AudioTrack} and, in a video session, a {@link LocalVideoTrack} fed by
 * a {@link VideoCapture}. Disable a track to mute it.
 *
 * <p>Lifecycle: created with its session and closed with it; the session owns the native
 * tracks and sources behind it and the capture set on its video track.
 *
 * <p>Threading: all methods are thread safe.
 */
public final class LocalMediaStream {

    static {
        MediaBridge.register(LocalMediaStream::new); // for conferences, in another package
    }

    private final LocalMedia media;
    private final LocalVideoTrack videoTrack;

    LocalMediaStream(LocalMedia media, EngineThread engine, String sessionId) {
        this.media = media;
        this.videoTrack = new LocalVideoTrack(media.video(), engine, sessionId);
    }

    /** The microphone. Disable it to mute: silence is sent. */
    public AudioTrack audioTrack() {
        return media.audio();
    }

    /**
     * The local video. In an audio session it exists but sends nothing and takes no capture.
     */
    public LocalVideoTrack videoTrack() {
        return videoTrack;
    }
}
