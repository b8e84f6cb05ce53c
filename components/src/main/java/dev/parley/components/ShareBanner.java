package dev.parley.components;

import dev.parley.engine.CallSession;
import dev.parley.engine.ScreenCapture;
import dev.parley.engine.SessionState;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/**
 * The strip over a call that says "You are sharing {@code title}" with a "Stop sharing" button,
 * shown while the session's video track carries a shared screen.
 *
 * <p>Threading: EDT.
 */
final class ShareBanner extends JPanel {

    private final JLabel text = new JLabel();

    ShareBanner(Runnable stop) {
        super(new MigLayout("insets 6 12 6 12", "[grow][]"));
        setName("parley.shareBanner");
        text.setName("parley.shareBanner.text");
        JButton stopSharing = new JButton(Theme.text("controlBar.stopSharing"));
        stopSharing.setName("parley.stopSharing");
        stopSharing.addActionListener(e -> stop.run());
        add(text);
        add(stopSharing);
        setVisible(false);
        applyTheme();
    }

    /** Shows or hides the banner for what {@code session} sends now. */
    void follow(CallSession session) {
        Optional<ScreenCapture> shared = ScreenSharing.sharedBy(session);
        boolean visible = shared.isPresent() && session.state() != SessionState.CLOSED;
        String words = shared.map(c -> Theme.text("shareBanner.sharing", c.source().title())).orElse("");
        if (visible != isVisible() || !words.equals(text.getText())) {
            text.setText(words);
            setVisible(visible);
            revalidate();
        }
    }

    /** The banner's text, or {@code null} while hidden. */
    String shownText() {
        return isVisible() ? text.getText() : null;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyTheme();
    }

    private void applyTheme() {
        if (text != null) { // null while the JPanel constructor runs
            setBackground(Theme.color("Parley.shareBanner.background"));
            text.setForeground(Theme.color("Parley.shareBanner.foreground"));
        }
    }
}
