package dev.parley.components;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;

/**
 * Three rising bars showing a connection's quality ({@link NetworkQuality}): all green when
 * good, two amber when fair, one red when poor, none lit when nothing arrives. Hidden until the
 * first stats report.
 *
 * <p>Threading: EDT.
 */
final class QualityBars extends JComponent {

    private int bars = -1;

    QualityBars() {
        setName("parley.tile.quality");
        setVisible(false);
    }

    void show(int next) {
        if (next != bars) {
            bars = next;
            setVisible(true);
            String[] words = {"none", "poor", "fair", "good"};
            getAccessibleContext().setAccessibleDescription(Theme.text("tile.quality." + words[next]));
            setToolTipText(getAccessibleContext().getAccessibleDescription());
            repaint();
        }
    }

    /** The bars shown, 0 to 3, or -1 before any report. */
    int bars() {
        return bars;
    }

    @Override
    public Dimension getPreferredSize() {
        int size = Theme.size("Parley.quality.width");
        return new Dimension(size, size);
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.LABEL;
                }
            };
            accessibleContext.setAccessibleName(Theme.text("tile.quality"));
        }
        return accessibleContext;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color lit = Theme.color(bars >= 3 ? "Parley.quality.good" : bars == 2 ? "Parley.quality.poor"
                    : "Parley.quality.bad");
            int w = getWidth();
            int h = getHeight();
            int barWidth = Math.max(2, w / 4);
            int gap = Math.max(1, (w - 3 * barWidth) / 2);
            for (int i = 0; i < 3; i++) {
                int barHeight = h * (i + 1) / 3;
                g2.setColor(i < bars ? lit : Theme.color("Parley.quality.off"));
                g2.fillRoundRect(i * (barWidth + gap), h - barHeight, barWidth, barHeight, 2, 2);
            }
        } finally {
            g2.dispose();
        }
    }
}
