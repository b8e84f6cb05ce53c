package dev.parley.components;

import java.awt.Component;
import java.awt.Container;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.LayoutManager;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;

/**
 * Where {@link CallView} puts its tiles. With one other participant, theirs fills the stage and
 * the local tile is a small overlay in a corner, which people can drag to another corner (it
 * snaps to the nearest) or hide; with more, every tile gets an equal cell, two columns wide,
 * unless someone shares a screen: then their tile is large and the others form a strip.
 *
 * <p>Threading: EDT.
 */
final class CallStage extends JPanel {

    /** A corner of the stage for the self view. */
    enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    private static final int GAP = 8;

    private final List<Tile> remotes = new ArrayList<>();
    private final Runnable cornerChanged;
    private final MouseAdapter drag = new Drag();
    private Tile local;
    private Tile featured;
    private Corner corner = Corner.BOTTOM_RIGHT;
    private boolean selfViewVisible = true;
    private Point dragOffset;

    CallStage(Runnable cornerChanged) {
        this.cornerChanged = cornerChanged;
        setOpaque(false);
        setLayout(new StageLayout());
    }

    /** Shows {@code remotes} and {@code local} (may be null), replacing what was shown. */
    void show(List<Tile> remoteTiles, Tile localTile) {
        if (local != null) {
            local.removeMouseListener(drag);
            local.removeMouseMotionListener(drag);
            local.setCursor(null);
        }
        removeAll();
        remotes.clear();
        remotes.addAll(remoteTiles);
        local = localTile;
        if (isOverlay()) {
            local.addMouseListener(drag);
            local.addMouseMotionListener(drag);
            local.setCursor(Cursor.getPredefinedCursor(Cursor.MOVE_CURSOR));
            if (selfViewVisible) {
                add(local); // first: painted on top
            }
            add(remotes.get(0));
        } else {
            remotes.forEach(this::add);
            if (local != null) {
                add(local);
            }
        }
        revalidate();
        repaint();
    }

    /**
     * Shows {@code tile} (a received screen share) large, with the other tiles in a strip beside
     * it; {@code null} for the plain grid. A 1:1 call shows the other participant large anyway.
     */
    void setFeatured(Tile tile) {
        if (tile != featured) {
            featured = tile;
            revalidate();
            repaint();
        }
    }

    Tile featured() {
        return featured != null && remotes.contains(featured) && !isOverlay() ? featured : null;
    }

    /** Whether the local tile is the small overlay (a 1:1 call) rather than a cell of the grid. */
    boolean isOverlay() {
        return local != null && remotes.size() == 1;
    }

    Corner corner() {
        return corner;
    }

    void setCorner(Corner corner) {
        this.corner = corner;
        revalidate();
        repaint();
    }

    boolean isSelfViewVisible() {
        return selfViewVisible;
    }

    /** Shows or hides the overlay of the local tile (the grid always shows it). */
    void setSelfViewVisible(boolean visible) {
        selfViewVisible = visible;
        show(new ArrayList<>(remotes), local);
    }

    /** Where the overlay goes in {@code corner} of a stage of {@code size}. */
    private Rectangle overlayBounds(Corner c, Dimension size) {
        int margin = Theme.size("Parley.overlay.cornerGap");
        int width = Math.min(Theme.size("Parley.overlay.width"), Math.max(80, size.width / 3));
        int height = width * 3 / 4;
        int x = c == Corner.TOP_LEFT || c == Corner.BOTTOM_LEFT ? margin : size.width - margin - width;
        int y = c == Corner.TOP_LEFT || c == Corner.TOP_RIGHT ? margin : size.height - margin - height;
        return new Rectangle(x, y, width, height);
    }

    @Override
    public boolean isOptimizedDrawingEnabled() {
        return !isOverlay(); // the overlay overlaps the remote tile
    }

    /** Lays the tiles out as {@link CallStage} says. */
    private final class StageLayout implements LayoutManager {
        @Override
        public void layoutContainer(Container parent) {
            Insets in = parent.getInsets();
            Rectangle area = new Rectangle(in.left + GAP, in.top + GAP, parent.getWidth() - in.left - in.right - 2 * GAP,
                    parent.getHeight() - in.top - in.bottom - 2 * GAP);
            if (isOverlay()) {
                remotes.get(0).setBounds(area);
                if (dragOffset == null) {
                    Rectangle overlay = overlayBounds(corner, area.getSize());
                    overlay.translate(area.x, area.y);
                    local.setBounds(overlay);
                }
                return;
            }
            Tile large = featured();
            if (large != null) {
                // the share large on the left, everyone else in a column on the right
                int stripWidth = Math.max(Theme.size("Parley.tile.minimumWidth"), area.width / 4);
                large.setBounds(area.x, area.y, area.width - stripWidth - GAP, area.height);
                List<Component> others = new ArrayList<>(List.of(parent.getComponents()));
                others.remove(large);
                int cellHeight = Math.min(stripWidth * 3 / 4, (area.height - (others.size() - 1) * GAP)
                        / Math.max(1, others.size()));
                for (int i = 0; i < others.size(); i++) {
                    others.get(i).setBounds(area.x + area.width - stripWidth, area.y + i * (cellHeight + GAP), stripWidth,
                            cellHeight);
                }
                return;
            }
            Component[] tiles = parent.getComponents();
            int columns = tiles.length <= 1 ? 1 : 2;
            int rows = Math.max(1, (tiles.length + columns - 1) / columns);
            int cellWidth = (area.width - (columns - 1) * GAP) / columns;
            int cellHeight = (area.height - (rows - 1) * GAP) / rows;
            for (int i = 0; i < tiles.length; i++) {
                tiles[i].setBounds(area.x + i % columns * (cellWidth + GAP), area.y + i / columns * (cellHeight + GAP),
                        cellWidth, cellHeight);
            }
        }

        @Override
        public Dimension preferredLayoutSize(Container parent) {
            int minimum = Theme.size("Parley.tile.minimumWidth");
            int columns = getComponentCount() <= 1 || isOverlay() ? 1 : 2;
            int rows = isOverlay() ? 1 : Math.max(1, (getComponentCount() + 1) / 2);
            return new Dimension(columns * minimum * 2 + GAP * 3, rows * minimum * 3 / 2 + GAP * (rows + 1));
        }

        @Override
        public Dimension minimumLayoutSize(Container parent) {
            int minimum = Theme.size("Parley.tile.minimumWidth");
            return new Dimension(minimum + 2 * GAP, minimum * 3 / 4 + 2 * GAP);
        }

        @Override
        public void addLayoutComponent(String name, Component comp) {
        }

        @Override
        public void removeLayoutComponent(Component comp) {
        }
    }

    /** Drags the overlay and snaps it to the nearest corner when let go. */
    private final class Drag extends MouseAdapter {
        @Override
        public void mousePressed(MouseEvent e) {
            if (isOverlay()) {
                dragOffset = e.getPoint();
            }
        }

        @Override
        public void mouseDragged(MouseEvent e) {
            if (dragOffset != null) {
                Point at = e.getLocationOnScreen();
                Point origin = getLocationOnScreen();
                int x = Math.max(0, Math.min(getWidth() - local.getWidth(), at.x - origin.x - dragOffset.x));
                int y = Math.max(0, Math.min(getHeight() - local.getHeight(), at.y - origin.y - dragOffset.y));
                local.setLocation(x, y);
                repaint();
            }
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            if (dragOffset == null) {
                return;
            }
            dragOffset = null;
            Point centre = new Point(local.getX() + local.getWidth() / 2, local.getY() + local.getHeight() / 2);
            boolean left = centre.x < getWidth() / 2;
            boolean top = centre.y < getHeight() / 2;
            Corner nearest = top ? (left ? Corner.TOP_LEFT : Corner.TOP_RIGHT)
                    : (left ? Corner.BOTTOM_LEFT : Corner.BOTTOM_RIGHT);
            boolean moved = nearest != corner;
            setCorner(nearest);
            if (moved) {
                cornerChanged.run();
            }
        }
    }
}
