package dev.parley.engine;

/**
 * A stream of video frames: a remote participant's video, or the local capture. Views attach
 * a {@link VideoSink} to draw it.
 *
 * <p>Threading: all methods may be called from any thread. A track ends with its session;
 * after that it delivers no frames and {@link #isEnded()} is true.
 */
public interface VideoTrack {

    /** The user this video comes from: a remote participant, or the local user. */
    long userId();

    /**
     * Whether the track is enabled. A disabled local track sends black frames; a disabled
     * remote track stops delivering frames to sinks.
     */
    boolean isEnabled();

    /** Enables or disables the track. */
    void setEnabled(boolean enabled);

    /** Whether the track has ended (its session closed). */
    boolean isEnded();

    /**
     * Delivers every future frame to {@code sink} until the returned subscription is closed
     * or the track ends.
     */
    Subscription addSink(VideoSink sink);
}
