package dev.parley.components;

import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/**
 * The call view's single-letter shortcuts: M, V and S click the control bar's microphone,
 * camera and share buttons while the focus is inside the view, and a click on the tiles brings
 * the focus there. Letters stay out of other parts of the window (a text field, say).
 *
 * <p>Threading: EDT.
 */
final class LetterShortcuts {

    private LetterShortcuts() {
    }

    /** Binds the letters on {@code view}, acting on {@code bar}; {@code tiles} takes the focus on a click. */
    static void install(JComponent view, JComponent tiles, CallControlBar bar) {
        bar.setLetterShortcuts(true);
        view.setFocusable(true);
        tiles.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                view.requestFocusInWindow();
            }
        });
        bind(view, bar, KeyEvent.VK_M, "parley.toggleMute", "parley.mute");
        bind(view, bar, KeyEvent.VK_V, "parley.toggleCamera", "parley.camera");
        bind(view, bar, KeyEvent.VK_S, "parley.toggleSharing", "parley.share");
    }

    private static void bind(JComponent view, CallControlBar bar, int key, String action, String button) {
        view.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(key, 0), action);
        view.getActionMap().put(action, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                bar.clickButton(button);
            }
        });
    }
}
