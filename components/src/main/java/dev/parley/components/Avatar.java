package dev.parley.components;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import javax.swing.JComponent;

/**
 * A person's initials in a circle: the incoming-call dialog's picture, the video placeholders'
 * centre, and (through {@link #icon}) a contact list's rows.
 *
 * <p>Theme keys: {@code @uiDefault Parley.video.avatarBackground Color},
 * {@code @uiDefault Parley.video.avatarForeground Color}.
 *
 * <p>Threading: EDT.
 */
public final class Avatar extends JComponent {

    private final String name;

    Avatar(String name) {
        this.name = name;
        int size = Theme.size("Parley.incoming.avatarWidth");
        setPreferredSize(new Dimension(size, size));
        setFocusable(false); // a picture: the keyboard goes from button to button
    }

    /** A picture of the person, named for screen readers. */
    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.ICON;
                }
            };
            accessibleContext.setAccessibleName(name);
        }
        return accessibleContext;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            paint(g2, name, getWidth() / 2.0, getHeight() / 2.0, Math.min(getWidth(), getHeight()));
        } finally {
            g2.dispose();
        }
    }

    /** {@code name}'s initials in a circle as an icon of {@code size} pixels (scaled with the UI), for a list's rows. */
    public static javax.swing.Icon icon(String name, int size) {
        int scaled = com.formdev.flatlaf.util.UIScale.scale(size);
        return new javax.swing.Icon() {
            @Override
            public void paintIcon(java.awt.Component c, Graphics g, int x, int y) {
                Graphics2D g2 = (Graphics2D) g.create();
                try {
                    paint(g2, name, x + scaled / 2.0, y + scaled / 2.0, scaled);
                } finally {
                    g2.dispose();
                }
            }

            @Override
            public int getIconWidth() {
                return scaled;
            }

            @Override
            public int getIconHeight() {
                return scaled;
            }
        };
    }

    /** Paints {@code name}'s initials in a circle of {@code size} centred on ({@code cx}, {@code cy}). */
    static void paint(Graphics2D g, String name, double cx, double cy, double size) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Theme.paint("Parley.video.avatarBackground"));
        g.fill(new Ellipse2D.Double(cx - size / 2, cy - size / 2, size, size));
        g.setColor(Theme.paint("Parley.video.avatarForeground"));
        g.setFont(g.getFont().deriveFont(Font.BOLD, (float) (size * 0.4)));
        String initials = Theme.initials(name);
        FontMetrics m = g.getFontMetrics();
        g.drawString(initials, (float) (cx - m.stringWidth(initials) / 2.0),
                (float) (cy + (m.getAscent() - m.getDescent()) / 2.0));
    }
}
