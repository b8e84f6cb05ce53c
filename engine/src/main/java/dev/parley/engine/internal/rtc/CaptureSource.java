package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.media.video.VideoTrackSource;

/**
 * Not API. The native half of a {@code VideoCapture}: a webrtc-java video source and the means
 * to start, stop and release it. The API's capture classes hold one and never touch
 * webrtc-java themselves.
 *
 * <p>Threading: the capture that holds a source serialises its calls.
 */
public interface CaptureSource {

    /** The native source a video track is made from. */
    VideoTrackSource nativeSource();

    /** Starts delivering frames. */
    void start();

    /** Stops delivering frames. */
    void stop();

    /** Frees the native source; nothing is called afterwards. */
    void release();
}
