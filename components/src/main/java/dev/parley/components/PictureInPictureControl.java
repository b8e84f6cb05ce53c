package dev.parley.components;

import dev.parley.engine.VideoTrack;
import java.awt.Component;
import java.awt.Frame;
import java.awt.Window;
import java.awt.event.HierarchyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.function.BooleanSupplier;
import javax.swing.SwingUtilities;

/**
 * When a {@link CallView}'s small window opens and closes: on request, and by itself when the
 * window holding the view is minimised (closing again when it is restored).
 *
 * <p>Threading: EDT.
 */
final class PictureInPictureControl {

    private final Component view;
    private final CallControlBar bar;
    private final BooleanSupplier callLive;
    private final WindowAdapter minimising = new WindowAdapter() {
        @Override
        public void windowIconified(WindowEvent e) {
            open();
        }

        @Override
        public void windowDeiconified(WindowEvent e) {
            close();
        }
    };
    private Window watched;
    private PictureInPicture pip;

    PictureInPictureControl(Component view, CallControlBar bar, BooleanSupplier callLive) {
        this.view = view;
        this.bar = bar;
        this.callLive = callLive;
        view.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & (HierarchyEvent.PARENT_CHANGED | HierarchyEvent.DISPLAYABILITY_CHANGED)) != 0) {
                followWindow();
            }
        });
    }

    void open() {
        Window owner = SwingUtilities.getWindowAncestor(view);
        if (pip == null && owner != null && callLive.getAsBoolean()) {
            pip = new PictureInPicture(owner, bar, this::back);
            pip.setVisible(true);
        }
    }

    void close() {
        if (pip != null) {
            pip.dispose();
            pip = null;
        }
    }

    boolean isOpen() {
        return pip != null;
    }

    /** Shows {@code track} of {@code name} in the small window, if open, and the microphone's state. */
    void show(VideoTrack track, String name) {
        if (pip != null) {
            pip.show(track, name);
            pip.refresh(bar.isMicrophoneMuted());
        }
    }

    /** Closes the small window and brings the call window back. */
    private void back() {
        close();
        if (SwingUtilities.getWindowAncestor(view) instanceof Frame frame) {
            frame.setExtendedState(frame.getExtendedState() & ~Frame.ICONIFIED);
            frame.toFront();
        }
    }

    private void followWindow() {
        Window window = SwingUtilities.getWindowAncestor(view);
        if (window != watched) {
            if (watched != null) {
                watched.removeWindowListener(minimising);
            }
            watched = window;
            if (window != null) {
                window.addWindowListener(minimising);
            }
        }
    }
}
