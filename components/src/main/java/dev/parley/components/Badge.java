package dev.parley.components;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.BorderFactory;
import javax.swing.JLabel;

/**
 * A label on a translucent rounded background, laid over video.
 *
 * <p>Threading: EDT.
 */
final class Badge extends JLabel {

    private final String backgroundKey;
    private final String foregroundKey;

    Badge(String name, String backgroundKey, String foregroundKey) {
        this.backgroundKey = backgroundKey;
        this.foregroundKey = foregroundKey;
        setName(name);
        setOpaque(false);
        setForeground(Theme.color(foregroundKey));
        setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (foregroundKey != null) { // null while the JLabel constructor runs
            setForeground(Theme.color(foregroundKey));
        }
    }

    @Override
    protected void paintComponent(Graphics g) {
        if (getText() == null || getText().isEmpty()) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(Theme.paint(backgroundKey));
            int arc = Theme.size("Parley.tile.arc");
            g2.fillRoundRect(0, 0, getWidth(), getHeight(), arc, arc);
        } finally {
            g2.dispose();
        }
        super.paintComponent(g);
    }
}
