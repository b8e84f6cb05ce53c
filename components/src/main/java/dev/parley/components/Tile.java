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
    private final SpeakingIndicator speaking = new SpeakingIndicator();
    private final QualityBars quality = new QualityBars();
    private StatsReport lastReport;
    private long lastReportNanos;
    private final String participant;
    private ConnectionState connectionState = ConnectionState.NEW;
    private boolean activeSpeaker;

    Tile(JComponent video, String participant) {
        super(new MigLayout("fill, insets 0"));
        this.video = video;
        this.participant = participant;
        setOpaque(false);
        name.setText(participant);
        stats.setVisible(false);
        // Absolute positions overlap the video; the first added is painted on top.
        add(name, "id name, pos 8 (container.h-8-pref)");
        add(state, "pos (container.w-pref)/2 8");
        add(stats, "pos 8 8");
        add(speaking, "pos (container.w-8-pref) 8");
        add(quality, "pos (name.x2+6) (name.y+(name.h-pref)/2)"); // beside the name, clear of the self view
        add(video, "pos 0 0 container.w container.h");
        applyBorder();
        getAccessibleContext().setAccessibleName(participant);
    }

    String participant() {
        return participant;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (name != null) { // null while the JPanel constructor runs
            applyBorder();
        }
    }

    private void applyBorder() {
        setBorder(activeSpeaker
                ? javax.swing.BorderFactory.createLineBorder(Theme.color("Parley.tile.speakerBorder"),
                        Theme.size("Parley.tile.speakerBorderWidth"))
                : javax.swing.BorderFactory.createLineBorder(Theme.color("Parley.tile.border")));
    }

    /**
     * Shows how loud the participant is now, whether they are the active speaker (a coloured
     * border) and, for the local tile, whether their microphone is muted.
     */
    void setVoice(double level, boolean active, boolean muted) {
        speaking.show(level, muted);
        if (active != activeSpeaker) {
            activeSpeaker = active;
            applyBorder();
            repaint();
        }
        String description = muted ? Theme.text("tile.muted")
                : active ? Theme.text("tile.activeSpeaker")
                : level >= SpeakingIndicator.AUDIBLE ? Theme.text("tile.speaking") : null;
        getAccessibleContext().setAccessibleDescription(description);
    }

    boolean isActiveSpeaker() {
        return activeSpeaker;
    }

    boolean showsMuted() {
        return speaking.isVisible() && speaking.isMuted();
    }

    boolean showsSpeaking() {
        return speaking.isVisible() && !speaking.isMuted();
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

    /** The network quality shown, 0 to 3 bars, or -1 before any stats report. */
    int qualityBars() {
        return quality.bars();
    }

    void setStats(StatsReport report, boolean visible) {
        long now = System.nanoTime();
        quality.show(NetworkQuality.bars(lastReport, report, (now - lastReportNanos) / 1e9));
        lastReport = report;
        lastReportNanos = now;
        stats.setText(String.format(Locale.ROOT, "<html>%dx%d %.0f fps<br>%.0f kbit/s in · RTT %.0f ms<br>lost %d</html>",
                report.videoReceiveWidth(), report.videoReceiveHeight(), report.videoReceiveFps(),
                report.videoReceiveBitrateKbps() + report.audioReceiveBitrateKbps(), report.roundTripTimeMs(),
                report.packetsLost()));
        setStatsVisible(visible);
    }
}
