package dev.parley.components;

import dev.parley.engine.ConnectionState;
import dev.parley.engine.StatsReport;
import java.util.Locale;
import javax.swing.JComponent;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/**
 * One participant in a {@link CallView}: their video (or the local preview) with their name,
 * their connection state when it is not plain "connected", and optionally their stats laid over
 * it.
 *
 * <p>Threading: EDT.
 */
final class Tile extends JPanel {

    private final JComponent video;
    private final Badge name = new Badge("parley.tile.name", "Parley.tile.labelBackground", "Parley.tile.labelForeground");
    private final Badge state = new Badge("parley.tile.state", "Parley.tile.labelBackground", "Parley.tile.stateForeground");
    private final Badge stats = new Badge("parley.tile.stats", "Parley.stats.background", "Parley.stats.foreground");
    private ConnectionState connectionState = ConnectionState.NEW;

    Tile(JComponent video, String participant) {
        super(new MigLayout("fill, insets 0"));
        this.video = video;
        setOpaque(false);
        name.setText(participant);
        stats.setVisible(false);
        // Absolute positions overlap the video; the first added is painted on top.
        add(name, "pos 8 (container.h-8-pref)");
        add(state, "pos (container.w-pref)/2 8");
        add(stats, "pos 8 8");
        add(video, "pos 0 0 container.w container.h");
        applyBorder();
        getAccessibleContext().setAccessibleName(participant);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (name != null) { // null while the JPanel constructor runs
            applyBorder();
        }
    }

    private void applyBorder() {
        setBorder(javax.swing.BorderFactory.createLineBorder(Theme.color("Parley.tile.border")));
    }

    @Override
    public boolean isOptimizedDrawingEnabled() {
        return false; // children overlap
    }

    JComponent video() {
        return video;
    }

    String participantName() {
        return name.getText();
    }

    ConnectionState connectionState() {
        return connectionState;
    }

    /** The state text shown ("connecting", "left", ...), or "" when connected. */
    String stateText() {
        return state.getText();
    }

    void setConnectionState(ConnectionState next) {
        connectionState = next;
        String text = switch (next) {
            case CONNECTED -> "";
            case PENDING -> Theme.text("tile.ringing");
            case DISCONNECTED -> Theme.text("tile.reconnecting");
            case NO_ANSWER -> Theme.text("tile.noAnswer");
            case HANG_UP, CLOSED -> Theme.text("tile.left");
            case REJECTED -> Theme.text("tile.declined");
            case FAILED, DISCONNECT_TIMEOUT -> Theme.text("tile.failed");
            default -> Theme.text("tile.connecting");
        };
        state.setText(text);
        state.setVisible(!text.isEmpty());
        revalidate();
        repaint();
    }

    void setStatsVisible(boolean visible) {
        stats.setVisible(visible && !stats.getText().isEmpty());
    }

    void setStats(StatsReport report, boolean visible) {
        stats.setText(String.format(Locale.ROOT, "<html>%dx%d %.0f fps<br>%.0f kbit/s in · RTT %.0f ms<br>lost %d</html>",
                report.videoReceiveWidth(), report.videoReceiveHeight(), report.videoReceiveFps(),
                report.videoReceiveBitrateKbps() + report.audioReceiveBitrateKbps(), report.roundTripTimeMs(),
                report.packetsLost()));
        setStatsVisible(visible);
    }
}
