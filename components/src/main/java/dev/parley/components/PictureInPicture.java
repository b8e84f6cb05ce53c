package dev.parley.components;

import dev.parley.engine.VideoTrack;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.JWindow;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;

/**
 * The small always-on-top window of a call: the active speaker's video (or the only other
 * participant's), their name, and microphone, hang-up and "back to the call" buttons. It can be
 * dragged anywhere; Escape or the back button returns to the call window.
 *
 * <p>Threading: EDT.
 */
final class PictureInPicture extends JWindow {

    private final RemoteVideoView video = new RemoteVideoView();
    private final JToggleButton mute = new JToggleButton();
    private Point dragFrom;

    /**
     * @param bar the call's control bar, whose microphone and hang-up buttons the small ones click
     * @param back returns to the call window
     */
    PictureInPicture(Window owner, CallControlBar bar, Runnable back) {
        super(owner);
        setName("parley.pip");
        setAlwaysOnTop(true);
        setFocusableWindowState(true);
        video.setName("parley.pip.video");
        mute.setName("parley.pip.mute");
        mute.putClientProperty("JButton.buttonType", "roundRect");
        mute.setIcon(Icons.of(Icons.Glyph.MIC, "Parley.controlBar.iconWidth",
                () -> Theme.color("Parley.controlBar.buttonForeground")));
        mute.setSelectedIcon(Icons.of(Icons.Glyph.MIC_OFF, "Parley.controlBar.iconWidth",
                () -> Theme.color("Parley.controlBar.activeForeground")));
        mute.addActionListener(e -> {
            bar.clickButton("parley.mute");
            mute.setSelected(bar.isMicrophoneMuted());
        });
        JButton hangUp = new JButton(Icons.of(Icons.Glyph.HANG_UP, "Parley.controlBar.iconWidth",
                () -> Theme.color("Parley.controlBar.hangUpForeground")));
        hangUp.setName("parley.pip.hangUp");
        hangUp.putClientProperty("JButton.buttonType", "roundRect");
        hangUp.setBackground(Theme.color("Parley.controlBar.hangUpBackground"));
        hangUp.setToolTipText(Theme.text("controlBar.hangUp"));
        hangUp.getAccessibleContext().setAccessibleName(Theme.text("controlBar.hangUp"));
        hangUp.addActionListener(e -> bar.clickButton("parley.hangUp"));
        JButton backButton = new JButton(Theme.text("pip.back"));
        backButton.setName("parley.pip.back");
        backButton.setToolTipText(Theme.text("controlBar.shortcut", Theme.text("pip.back"), "Esc"));
        backButton.addActionListener(e -> back.run());
        describeMute(bar.isMicrophoneMuted());

        JPanel controls = new JPanel(new MigLayout("insets 4 8 4 8, center", "[][][]"));
        controls.setBackground(Theme.color("Parley.controlBar.background"));
        controls.add(mute);
        controls.add(hangUp);
        controls.add(backButton);
        JPanel content = new JPanel(new BorderLayout());
        content.add(video, BorderLayout.CENTER);
        content.add(controls, BorderLayout.SOUTH);
        content.setBorder(javax.swing.BorderFactory.createLineBorder(Theme.color("Parley.tile.border")));
        setContentPane(content);
        content.registerKeyboardAction(e -> back.run(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT);
        // key bindings need a focused component, and a click on the video focuses only the window
        addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent e) {
                if (getFocusOwner() == null) {
                    backButton.requestFocusInWindow();
                }
            }
        });
        MouseAdapter drag = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                dragFrom = e.getLocationOnScreen();
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                Point now = e.getLocationOnScreen();
                setLocation(getX() + now.x - dragFrom.x, getY() + now.y - dragFrom.y);
                dragFrom = now;
            }
        };
        video.addMouseListener(drag);
        video.addMouseMotionListener(drag);
        int width = Theme.size("Parley.overlay.width") * 3 / 2;
        setSize(new Dimension(width, width * 3 / 4 + Theme.size("Parley.controlBar.buttonWidth") + 8));
        placeInCorner();
    }

    /** Shows {@code track} of {@code name}; {@code null} shows the placeholder. */
    void show(VideoTrack track, String name) {
        if (video.videoTrack() != track) {
            video.setVideoTrack(track);
        }
        video.setParticipantName(name);
        getAccessibleContext().setAccessibleName(Theme.text("pip.title", name));
    }

    /** Follows the microphone's state, which the call window may change too. */
    void refresh(boolean muted) {
        mute.setSelected(muted);
        describeMute(muted);
    }

    RemoteVideoView video() {
        return video;
    }

    @Override
    public void dispose() {
        video.setVideoTrack(null);
        super.dispose();
    }

    private void describeMute(boolean muted) {
        String action = Theme.text(muted ? "controlBar.unmute" : "controlBar.mute");
        mute.setToolTipText(action);
        mute.getAccessibleContext().setAccessibleName(action);
    }

    /** The bottom-right corner of the screen, clear of panels. */
    private void placeInCorner() {
        GraphicsConfiguration screen = getGraphicsConfiguration();
        Rectangle bounds = screen.getBounds();
        Insets panels = Toolkit.getDefaultToolkit().getScreenInsets(screen);
        int margin = Theme.size("Parley.overlay.cornerGap") * 2;
        setLocation(bounds.x + bounds.width - panels.right - getWidth() - margin,
                bounds.y + bounds.height - panels.bottom - getHeight() - margin);
    }
}
