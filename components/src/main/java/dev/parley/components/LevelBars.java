package dev.parley.components;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;

/**
 * Paints an audio level as bars, the way people read a microphone meter: on a decibel scale
 * from -60 dBFS (nothing lit) to -6 dBFS (all lit), since a linear scale would leave normal
 * speech at a sliver.
 *
 * <p>Threading: EDT (painting).
 */
final class LevelBars {

    private static final double FLOOR_DB = -60;
    private static final double FULL_DB = -6;

    private LevelBars() {
    }

    /** How much of the meter {@code level} (0.0 to 1.0, RMS of full scale) lights: 0.0 to 1.0. */
    static double fraction(double level) {
        if (level <= 0) {
            return 0;
        }
        double db = 20 * Math.log10(level);
        return Math.max(0, Math.min(1, (db - FLOOR_DB) / (FULL_DB - FLOOR_DB)));
    }

    /** {@code count} bars side by side in the box, growing in height, lit up to {@code level}. */
    static void paintBars(Graphics2D g, int x, int y, int width, int height, int count, double level, Color on,
            Color off) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double lit = fraction(level) * count;
            double gap = Math.max(1, width / (count * 4.0));
            double bar = (width - gap * (count - 1)) / count;
            for (int i = 0; i < count; i++) {
                double h = height * (0.4 + 0.6 * (i + 1) / count);
                g2.setColor(i < lit ? on : off);
                g2.fill(new RoundRectangle2D.Double(x + i * (bar + gap), y + height - h, bar, h, bar, bar));
            }
        } finally {
            g2.dispose();
        }
    }

    /** A vertical meter filling the box from the bottom up to {@code level}. */
    static void paintMeter(Graphics2D g, int x, int y, int width, int height, double level, Color on, Color off) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(off);
            g2.fill(new RoundRectangle2D.Double(x, y, width, height, width, width));
            double h = height * fraction(level);
            if (h > 0) {
                g2.setColor(on);
                g2.fill(new RoundRectangle2D.Double(x, y + height - h, width, h, width, width));
            }
        } finally {
            g2.dispose();
        }
    }
}
