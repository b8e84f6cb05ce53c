package dev.parley.components;

import dev.parley.engine.ScreenCapture;
import dev.parley.engine.ScreenSource;
import java.awt.AWTException;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.ButtonGroup;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * Asks which screen or window to share: a live thumbnail of each (refreshed every second),
 * its title under it, "Share" and "Cancel". The first source is chosen to begin with, so
 * Share (or Enter) shares the whole screen; a double click shares the one clicked. Escape
 * cancels.
 *
 * <pre>{@code
 * ScreenPickerDialog.choose(callWindow).ifPresent(source ->
 *         session.localMediaStream().videoTrack().setVideoCapture(new ScreenCapture(source, 15)));
 * }</pre>
 *
 * <p>Thumbnails are read from the screen on a thread of the dialog's own
 * ({@code parley-screen-thumbnails}), which ends when the dialog closes.
 *
 * <p>Theme keys:
 * <ul>
 * <li>{@code @uiDefault Parley.screenPicker.thumbnailWidth int} thumbnail width (16:9)
 * </ul>
 *
 * <p>Threading: EDT only.
 */
public class ScreenPickerDialog extends JDialog {

    private final List<ScreenSource> sources;
    private final List<JToggleButton> items = new ArrayList<>();
    private final ButtonGroup group = new ButtonGroup();
    private final JButton share = new JButton(Theme.text("screenPicker.share"));
    private final Thread thumbnails;
    private volatile boolean open = true;
    private ScreenSource chosen;

    /** A dialog over {@code owner} listing {@code sources}; {@link #choose} is the usual way in. */
    public ScreenPickerDialog(Window owner, List<ScreenSource> sources) {
        super(owner, Theme.text("screenPicker.title"), ModalityType.APPLICATION_MODAL);
        setName("parley.screenPicker");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE); // the thumbnails thread ends with the dialog
        this.sources = List.copyOf(sources);
        int width = Theme.size("Parley.screenPicker.thumbnailWidth");
        JPanel grid = new JPanel(new MigLayout("insets 8, gap 12, wrap 3", "[" + width + "!]"));
        for (int i = 0; i < this.sources.size(); i++) {
            grid.add(item(i, width));
        }
        if (this.sources.isEmpty()) {
            grid.add(new JLabel(Theme.text("screenPicker.nothing")));
        }
        share.setName("parley.screenPicker.share");
        share.setEnabled(!this.sources.isEmpty());
        share.addActionListener(e -> finish(selected()));
        JButton cancel = new JButton(Theme.text("screenPicker.cancel"));
        cancel.setName("parley.screenPicker.cancel");
        cancel.addActionListener(e -> finish(null));
        JPanel panel = new JPanel(new MigLayout("insets dialog, fill", "[grow]", "[grow][]"));
        JScrollPane scroll = new JScrollPane(grid);
        scroll.setBorder(null);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        panel.add(scroll, "grow, wrap, wmin " + (width * 3 + 60) + ", hmin " + (width * 9 / 16 + 60));
        panel.add(share, "split 2, right, tag ok");
        panel.add(cancel, "tag cancel");
        setContentPane(panel);
        getRootPane().setDefaultButton(share);
        getRootPane().registerKeyboardAction(e -> finish(null), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        if (!items.isEmpty()) {
            items.get(0).setSelected(true);
        }
        pack();
        setSize(Math.min(getWidth(), width * 3 + 120), Math.min(getHeight(), (width * 9 / 16 + 60) * 3 + 80));
        setLocationRelativeTo(owner);
        thumbnails = new Thread(this::refreshThumbnails, "parley-screen-thumbnails");
        thumbnails.setDaemon(true);
        thumbnails.start();
    }

    /**
     * Shows the picker over {@code parent}'s window with every screen and window and waits for
     * the choice; empty when cancelled.
     */
    public static Optional<ScreenSource> choose(Component parent) {
        Window owner = parent instanceof Window window ? window
                : parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        ScreenPickerDialog dialog = new ScreenPickerDialog(owner, ScreenCapture.sources());
        dialog.setVisible(true);
        return dialog.chosen();
    }

    /** What was chosen, once the dialog closed with Share. */
    public Optional<ScreenSource> chosen() {
        return Optional.ofNullable(chosen);
    }

    /** The sources offered, in order. */
    public List<ScreenSource> sources() {
        return sources;
    }

    @Override
    public void dispose() {
        open = false;
        thumbnails.interrupt();
        super.dispose();
    }

    private JToggleButton item(int index, int width) {
        ScreenSource source = sources.get(index);
        JToggleButton item = new JToggleButton(source.title());
        item.setName("parley.screenSource." + index);
        item.setToolTipText(source.title());
        item.getAccessibleContext().setAccessibleName(Theme.text(
                source.kind() == ScreenSource.Kind.SCREEN ? "screenPicker.screen" : "screenPicker.window", source.title()));
        item.setVerticalTextPosition(SwingConstants.BOTTOM);
        item.setHorizontalTextPosition(SwingConstants.CENTER);
        item.setIcon(new ImageIcon(new BufferedImage(width, width * 9 / 16, BufferedImage.TYPE_INT_RGB)));
        item.setPreferredSize(new Dimension(width + 12, width * 9 / 16 + 40));
        item.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    finish(source);
                }
            }
        });
        group.add(item);
        items.add(item);
        return item;
    }

    private ScreenSource selected() {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isSelected()) {
                return sources.get(i);
            }
        }
        return null;
    }

    private void finish(ScreenSource source) {
        chosen = source;
        dispose();
    }

    /** Reads every source's area from the screen, scaled to a thumbnail, once a second while open. */
    private void refreshThumbnails() {
        Robot robot;
        try {
            robot = new Robot();
        } catch (AWTException | SecurityException e) {
            return; // no screen to read: the thumbnails stay blank
        }
        int width = Theme.size("Parley.screenPicker.thumbnailWidth");
        while (open) {
            for (int i = 0; i < sources.size() && open; i++) {
                Rectangle area = sources.get(i).bounds();
                if (area.isEmpty()) {
                    continue;
                }
                Image thumbnail = thumbnail(robot.createScreenCapture(area), width, width * 9 / 16);
                JToggleButton item = items.get(i);
                SwingUtilities.invokeLater(() -> item.setIcon(new ImageIcon(thumbnail)));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {@code shot} fitted into {@code width} x {@code height}, letterboxed. */
    private static Image thumbnail(BufferedImage shot, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double scale = Math.min((double) width / shot.getWidth(), (double) height / shot.getHeight());
            int w = (int) Math.round(shot.getWidth() * scale);
            int h = (int) Math.round(shot.getHeight() * scale);
            g.drawImage(shot, (width - w) / 2, (height - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return image;
    }
}
