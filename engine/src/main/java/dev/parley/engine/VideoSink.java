package dev.parley.engine;

/**
 * Receives the frames of a {@link VideoTrack}.
 *
 * <p>Threading: called on a media thread of the native engine, never on the EDT. Return
 * quickly (convert into a reused buffer, then hand off): a slow sink delays every other sink
 * of the track.
 */
@FunctionalInterface
public interface VideoSink {

    /** A new frame; valid only during this call. */
    void onFrame(VideoFrame frame);
}
