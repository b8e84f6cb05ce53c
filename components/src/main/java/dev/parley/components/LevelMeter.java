package dev.parley.components;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.HierarchyEvent;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import javax.swing.Timer;

/**
 * A microphone meter for settings dialogs and pre-call checks: a row of bars lit up to the
 * level its source reads, 15 times a second while it shows, on a decibel scale (-60 dBFS dark,
 * -6 dBFS all lit). Feed it {@code MicrophoneMeter::level} or {@code AudioTrack::level}.
 *
 * <p>Theme keys:
 * <ul>
 * <li>{@code @uiDefault Parley.level.foreground Color} lit bars
 * <li>{@code @uiDefault Parley.levelMeter.background Color} unlit bars (on a dialog's background)
 * </ul>
 *
 * <p>Threading: EDT; the source is read on the EDT and must be cheap.
 */
public class LevelMeter extends JComponent {

    private static final int BARS = 12;

    private final Timer timer = new Timer(66, e -> sample());
    private DoubleSupplier source = () -> 0;
    private double level;

    /** A meter reading nothing until {@link #setLevelSource}. */
    public LevelMeter() {
        setName("parley.levelMeter");
        getAccessibleContext().setAccessibleName(Theme.text("localPreview.level"));
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                if (isShowing()) {
                    timer.start();
                } else {
                    timer.stop();
                }
            }
        });
    }

    /** Reads {@code source} (0.0 to 1.0, as {@code AudioTrack.level()}) from now on. */
    public void setLevelSource(DoubleSupplier source) {
        this.source = Objects.requireNonNull(source, "source");
        sample();
    }

    /** The level shown now. */
    public double level() {
        return level;
    }

    /** How much of the meter is lit now, 0.0 to 1.0. */
    public double litFraction() {
        return LevelBars.fraction(level);
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.PROGRESS_BAR;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize()
                : new Dimension(Theme.size("Parley.localPreview.width"), Theme.size("Parley.tile.indicatorIconWidth"));
    }

    private void sample() {
        double next = source.getAsDouble();
        if (Math.abs(next - level) > 0.0005) {
            level = next;
            getAccessibleContext().setAccessibleDescription(Math.round(litFraction() * 100) + "%");
            repaint();
        }
    }

    @Override
    protected void paintComponent(Graphics g) {
        LevelBars.paintBars((Graphics2D) g, 0, 0, getWidth(), getHeight(), BARS, level,
                Theme.color("Parley.level.foreground"), Theme.paint("Parley.levelMeter.background"));
    }
}
