package dev.parley.components;

import dev.parley.engine.CallException;
import dev.parley.engine.CallSession;
import dev.parley.engine.CameraCapture;
import dev.parley.engine.Devices;
import dev.parley.engine.LocalVideoTrack;
import dev.parley.engine.ScreenCapture;
import dev.parley.engine.ScreenSource;
import dev.parley.engine.Subscription;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoCapture;
import dev.parley.engine.VideoFormat;
import java.awt.Component;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.JOptionPane;

/**
 * Starts and stops sharing a screen on a session's video track: the shared screen replaces
 * the camera, and stopping (or the shared window closing) puts back what was there before: the
 * same camera in the same format, or the test pattern. Whether a session is sharing is read
 * from its track, so a share started by application code counts too.
 *
 * <p>Threading: EDT only.
 */
final class ScreenSharing {

    /** The frame rate screens are shared at. */
    static final int FRAME_RATE = 15;

    private final Component owner;
    private final Supplier<CallSession> session;
    private final Runnable changed;
    private Supplier<VideoCapture> restore;
    private Subscription ending;

    ScreenSharing(Component owner, Supplier<CallSession> session, Runnable changed) {
        this.owner = owner;
        this.session = session;
        this.changed = changed;
    }

    /** What the session shares now, if anything. */
    static Optional<ScreenCapture> sharedBy(CallSession session) {
        if (session == null) {
            return Optional.empty();
        }
        return session.localMediaStream().videoTrack().videoCapture().filter(ScreenCapture.class::isInstance)
                .map(ScreenCapture.class::cast).filter(c -> !c.isClosed() && !c.isEnded());
    }

    boolean isSharing() {
        return sharedBy(session.get()).isPresent();
    }

    /** Asks which screen or window with the picker and shares it. */
    void choose() {
        ScreenPickerDialog.choose(owner).ifPresent(this::share);
    }

    /** Shares {@code source} in place of the camera. */
    void share(ScreenSource source) {
        CallSession call = session.get();
        if (call == null) {
            return;
        }
        LocalVideoTrack track = call.localMediaStream().videoTrack();
        Optional<VideoCapture> before = track.videoCapture();
        if (before.isEmpty() || !(before.get() instanceof ScreenCapture)) {
            restore = restorer(before.orElse(null));
        }
        try {
            ScreenCapture screen = new ScreenCapture(source, FRAME_RATE);
            use(track, screen);
            if (ending != null) {
                ending.close();
            }
            ending = screen.addEndListener(() -> {
                if (sharedBy(session.get()).isEmpty()) {
                    stop();
                }
            });
        } catch (CallException | IllegalStateException e) {
            JOptionPane.showMessageDialog(owner, e.getMessage(), Theme.text("controlBar.shareScreen"),
                    JOptionPane.WARNING_MESSAGE);
        }
        changed.run();
    }

    /** Puts back what the track showed before sharing. */
    void stop() {
        CallSession call = session.get();
        if (ending != null) {
            ending.close();
            ending = null;
        }
        if (call != null) {
            try {
                Supplier<VideoCapture> next = restore != null ? restore : restorer(null);
                use(call.localMediaStream().videoTrack(), next.get());
            } catch (CallException | IllegalStateException e) {
                // the camera went, or the session closed meanwhile: nothing to put back
            }
        }
        restore = null;
        changed.run();
    }

    /** Puts {@code capture} on {@code track}, or closes it when the track refuses it. */
    private static void use(LocalVideoTrack track, VideoCapture capture) {
        try {
            track.setVideoCapture(capture);
        } catch (RuntimeException e) {
            capture.close();
            throw e;
        }
    }

    /** How to recreate {@code capture}: the same camera, the test pattern, or the first camera. */
    private static Supplier<VideoCapture> restorer(VideoCapture capture) {
        if (capture instanceof CameraCapture camera) {
            return () -> new CameraCapture(camera.format(), camera.device());
        }
        if (capture instanceof TestPatternCapture pattern) {
            return () -> new TestPatternCapture(pattern.format());
        }
        return () -> Devices.cameras().isEmpty() ? new TestPatternCapture(VideoFormat.DEFAULT)
                : new CameraCapture(VideoFormat.DEFAULT, Devices.cameras().get(0));
    }
}
