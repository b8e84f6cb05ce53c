package dev.parley.engine;

import dev.parley.engine.internal.rtc.CaptureSource;

/**
 * A source of local video: a real camera ({@link CameraCapture}) or a synthetic picture
 * ({@link TestPatternCapture}), as QuickBlox's {@code QBRTCVideoCapture}. Put one on a session
 * with {@code session.localMediaStream().videoTrack().setVideoCapture(capture)}.
 *
 * <p>Lifecycle: a capture is owned by whoever holds it; once it is set on a local video track,
 * that track owns it and closes it when the session closes or another capture replaces it.
 * {@link #startSession()} starts frame production (setting it on a track starts it too);
 * {@link #stopSession()} pauses it. Use after {@link #close()} throws
 * {@link IllegalStateException}.
 *
 * <p>Threading: all methods are thread safe.
 */
public abstract sealed class VideoCapture implements AutoCloseable permits CameraCapture, TestPatternCapture, ScreenCapture {

    private final VideoFormat format;
    private final CaptureSource source;
    private boolean running;
    private boolean closed;
    private boolean attached;

    VideoCapture(VideoFormat format, CaptureSource source) {
        this.format = format;
        this.source = source;
    }

    /** The format this capture delivers. */
    public final VideoFormat format() {
        return format;
    }

    /** Starts delivering frames. Idempotent. */
    public final synchronized void startSession() {
        requireOpen();
        if (!running) {
            source.start();
            running = true;
        }
    }

    /** Stops delivering frames; {@link #startSession()} resumes. Idempotent. */
    public final synchronized void stopSession() {
        requireOpen();
        if (running) {
            source.stop();
            running = false;
        }
    }

    /** Whether frames are being delivered. */
    public final synchronized boolean isRunning() {
        return running;
    }

    /** Stops frames and releases the device and native source. Idempotent. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (running) {
            source.stop();
            running = false;
        }
        source.release();
    }

    /** Whether {@link #close()} was called. */
    public final synchronized boolean isClosed() {
        return closed;
    }

    /** Marks the capture as owned by a track and hands over its native source; a capture can be on one track only. */
    final synchronized CaptureSource attach() {
        requireOpen();
        if (attached) {
            throw new IllegalStateException(this + " is already on a video track: create one capture per session");
        }
        attached = true;
        return source;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }
}
