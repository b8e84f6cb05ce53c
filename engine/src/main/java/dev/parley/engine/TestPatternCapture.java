package dev.parley.engine;

import dev.parley.engine.internal.rtc.PatternSource;

/**
 * A synthetic camera: eight colour bars with a moving block and a frame counter below them,
 * at the requested size and rate. For machines without a camera, demos, and tests that check
 * what the far side sees.
 *
 * <p>Frames are drawn and pushed on a thread named {@code parley-test-pattern-N} that runs
 * while the capture is started and ends when it stops or closes.
 *
 * <p>Threading: thread safe.
 */
public final class TestPatternCapture extends VideoCapture {

    /**
     * Creates a test pattern capture of the given format.
     *
     * @throws MediaException if the native library cannot be loaded
     */
    public TestPatternCapture(VideoFormat format) {
        super(java.util.Objects.requireNonNull(format, "format"), new PatternSource(format));
    }

    /** A 640x480@30 test pattern. */
    public TestPatternCapture() {
        this(VideoFormat.DEFAULT);
    }

    @Override
    public String toString() {
        return "TestPatternCapture[" + format() + "]";
    }
}
