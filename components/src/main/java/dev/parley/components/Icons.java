package dev.parley.components;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.function.Supplier;
import javax.swing.Icon;

/**
 * The widgets' icons, painted as vector shapes in a 24-unit square, so they are crisp at any
 * scale (200% included). Size and colour are read when painted, so a theme switch applies at
 * once.
 *
 * <p>Threading: EDT.
 */
final class Icons {

    enum Glyph { MIC, MIC_OFF, CAMERA, CAMERA_OFF, HANG_UP, PHONE, CHEVRON_UP, SCREEN_SHARE, SCREEN_STOP }

    private Icons() {
    }

    /** An icon of {@code glyph}, {@code sizeKey} pixels (unscaled theme size), painted in {@code colour}. */
    static Icon of(Glyph glyph, String sizeKey, Supplier<Color> colour) {
        return new Icon() {
            @Override
            public void paintIcon(Component c, Graphics g, int x, int y) {
                Graphics2D g2 = (Graphics2D) g.create();
                try {
                    int size = getIconWidth();
                    g2.translate(x, y);
                    g2.scale(size / 24.0, size / 24.0);
                    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                    g2.setColor(colour.get());
                    g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    paint(glyph, g2);
                } finally {
                    g2.dispose();
                }
            }

            @Override
            public int getIconWidth() {
                return Theme.size(sizeKey);
            }

            @Override
            public int getIconHeight() {
                return getIconWidth();
            }
        };
    }

    private static void paint(Glyph glyph, Graphics2D g) {
        switch (glyph) {
            case MIC, MIC_OFF -> {
                g.fill(new RoundRectangle2D.Double(9, 3, 6, 11, 6, 6));
                g.draw(new Arc2D.Double(5.5, 5, 13, 13, 180, 180, Arc2D.OPEN));
                g.draw(new Line2D.Double(12, 18, 12, 21));
                g.draw(new Line2D.Double(8.5, 21, 15.5, 21));
                if (glyph == Glyph.MIC_OFF) {
                    slash(g);
                }
            }
            case CAMERA, CAMERA_OFF -> {
                g.fill(new RoundRectangle2D.Double(2.5, 6.5, 13, 11, 3, 3));
                Path2D lens = new Path2D.Double();
                lens.moveTo(16.5, 10.5);
                lens.lineTo(21.5, 7.5);
                lens.lineTo(21.5, 16.5);
                lens.lineTo(16.5, 13.5);
                lens.closePath();
                g.fill(lens);
                if (glyph == Glyph.CAMERA_OFF) {
                    slash(g);
                }
            }
            case HANG_UP, PHONE -> {
                Graphics2D h = (Graphics2D) g.create();
                if (glyph == Glyph.HANG_UP) {
                    h.rotate(Math.toRadians(135), 12, 12);
                }
                Path2D handset = new Path2D.Double();
                handset.moveTo(6.6, 10.8);
                handset.curveTo(8.0, 13.6, 10.4, 16.0, 13.2, 17.4);
                handset.lineTo(15.4, 15.2);
                handset.curveTo(15.7, 14.9, 16.1, 14.8, 16.4, 15.0);
                handset.curveTo(17.5, 15.4, 18.7, 15.6, 20.0, 15.6);
                handset.curveTo(20.6, 15.6, 21.0, 16.0, 21.0, 16.6);
                handset.lineTo(21.0, 20.0);
                handset.curveTo(21.0, 20.6, 20.6, 21.0, 20.0, 21.0);
                handset.curveTo(10.6, 21.0, 3.0, 13.4, 3.0, 4.0);
                handset.curveTo(3.0, 3.4, 3.4, 3.0, 4.0, 3.0);
                handset.lineTo(7.5, 3.0);
                handset.curveTo(8.1, 3.0, 8.5, 3.4, 8.5, 4.0);
                handset.curveTo(8.5, 5.3, 8.7, 6.5, 9.1, 7.6);
                handset.curveTo(9.2, 7.9, 9.1, 8.3, 8.8, 8.6);
                handset.closePath();
                h.fill(handset);
                h.dispose();
            }
            case CHEVRON_UP -> {
                Path2D chevron = new Path2D.Double();
                chevron.moveTo(6, 15);
                chevron.lineTo(12, 9);
                chevron.lineTo(18, 15);
                g.draw(chevron);
            }
            case SCREEN_SHARE, SCREEN_STOP -> {
                g.draw(new RoundRectangle2D.Double(2.5, 4, 19, 13, 2.5, 2.5));
                g.draw(new Line2D.Double(8, 21, 16, 21));
                g.draw(new Line2D.Double(12, 17, 12, 21));
                if (glyph == Glyph.SCREEN_SHARE) {
                    g.draw(new Line2D.Double(12, 14, 12, 7.5));
                    Path2D arrow = new Path2D.Double();
                    arrow.moveTo(9, 10.5);
                    arrow.lineTo(12, 7.5);
                    arrow.lineTo(15, 10.5);
                    g.draw(arrow);
                } else {
                    g.draw(new Line2D.Double(9.5, 8, 14.5, 13));
                    g.draw(new Line2D.Double(14.5, 8, 9.5, 13));
                }
            }
            default -> throw new IllegalArgumentException(glyph.toString());
        }
    }

    private static void slash(Graphics2D g) {
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(3.5, 3.5, 20.5, 20.5));
    }
}
