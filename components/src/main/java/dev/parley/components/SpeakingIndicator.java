package dev.parley.components;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import javax.swing.JComponent;

/**
 * The sign on a tile that its participant is speaking: three bars that move with their voice,
 * or the crossed-out microphone when the local microphone is muted. Hidden in silence.
 *
 * <p>Threading: EDT.
 */
final class SpeakingIndicator extends JComponent {

    /** Below this level (about -46 dBFS) a participant is silent and the sign is hidden. */
    static final double AUDIBLE = 0.005;

    private double level;
    private boolean muted;

    SpeakingIndicator() {
        setName("parley.tile.speaking");
        setOpaque(false);
        setVisible(false);
    }

    /** Shows {@code level}, or the muted sign. */
    void show(double level, boolean muted) {
        this.level = level;
        this.muted = muted;
        setVisible(muted || level >= AUDIBLE);
        repaint();
    }

    double level() {
        return level;
    }

    boolean isMuted() {
        return muted;
    }

    @Override
    public Dimension getPreferredSize() {
        int size = Theme.size("Parley.tile.indicatorWidth");
        return new Dimension(size, size);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            int w = getWidth();
            int h = getHeight();
            g2.setColor(Theme.paint("Parley.tile.labelBackground"));
            g2.fillOval(0, 0, w, h);
            if (muted) {
                Icons.of(Icons.Glyph.MIC_OFF, "Parley.tile.indicatorIconWidth",
                        () -> Theme.color("Parley.tile.mutedForeground"))
                        .paintIcon(this, g2, (w - Theme.size("Parley.tile.indicatorIconWidth")) / 2,
                                (h - Theme.size("Parley.tile.indicatorIconWidth")) / 2);
            } else {
                int inset = w / 4;
                LevelBars.paintBars(g2, inset, inset, w - 2 * inset, h - 2 * inset, 3, level,
                        Theme.color("Parley.level.foreground"), Theme.paint("Parley.level.background"));
            }
        } finally {
            g2.dispose();
        }
    }
}
