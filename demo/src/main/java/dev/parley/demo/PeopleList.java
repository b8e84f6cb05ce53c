package dev.parley.demo;

import com.formdev.flatlaf.util.UIScale;
import dev.parley.components.Avatar;
import dev.parley.engine.ConferenceType;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import javax.swing.AbstractAction;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;
import javax.swing.ListModel;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;

/**
 * The people one can call, a row each: their initials in a circle, name, id and presence (online,
 * offline, in a call), and two buttons, Video call and Audio call, on the row under the mouse and
 * on the selected row while the list has the keyboard. Click a button, or press Enter (video) or
 * Shift+Enter (audio) for the selected people; several can be selected for a group call.
 *
 * <p>Threading: EDT.
 */
final class PeopleList extends JList<Long> {

    /** What the list says of a person. */
    enum Presence { ONLINE, OFFLINE, IN_CALL }

    private static final int AVATAR = 28;
    private final LongFunction<String> names;
    private final LongFunction<Presence> presence;
    private final BiConsumer<ConferenceType, List<Long>> call;
    private int hovered = -1;

    PeopleList(ListModel<Long> model, LongFunction<String> names, LongFunction<Presence> presence,
            BiConsumer<ConferenceType, List<Long>> call) {
        super(model);
        this.names = names;
        this.presence = presence;
        this.call = call;
        setName("parley.people");
        setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        setCellRenderer(new Row());
        getAccessibleContext().setAccessibleName(Texts.get("user.contacts"));
        getAccessibleContext().setAccessibleDescription(Texts.get("people.keys"));
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                int row = rowAt(e.getPoint());
                if (row != hovered) {
                    hovered = row;
                    repaint();
                }
            }

            @Override
            public void mouseExited(MouseEvent e) {
                hovered = -1;
                repaint();
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                int row = rowAt(e.getPoint());
                for (ConferenceType type : ConferenceType.values()) {
                    if (row >= 0 && buttonBounds(row, type).contains(e.getPoint())) {
                        long id = getModel().getElementAt(row);
                        List<Long> chosen = getSelectedValuesList();
                        call.accept(type, chosen.contains(id) ? chosen : List.of(id));
                    }
                }
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), ConferenceType.VIDEO);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.SHIFT_DOWN_MASK), ConferenceType.AUDIO);
    }

    private void bind(KeyStroke key, ConferenceType type) {
        String name = "parley.call." + type;
        getInputMap(WHEN_FOCUSED).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (!getSelectedValuesList().isEmpty()) {
                    call.accept(type, getSelectedValuesList());
                }
            }
        });
    }

    /** The row under the mouse, or -1. */
    int hoveredRow() {
        return hovered;
    }

    /** Whether row {@code row} shows its call buttons now. */
    boolean showsButtons(int row) {
        return row == hovered || (hasFocus() && isSelectedIndex(row));
    }

    /** Where the button calling by {@code type} is on row {@code row}, in the list's coordinates. */
    Rectangle buttonBounds(int row, ConferenceType type) {
        Rectangle cell = getCellBounds(row, row);
        if (cell == null) {
            return new Rectangle();
        }
        FontMetrics metrics = getFontMetrics(getFont());
        int pad = UIScale.scale(6);
        int height = cell.height - 2 * pad;
        int right = cell.x + cell.width - pad;
        for (ConferenceType each : new ConferenceType[] {ConferenceType.AUDIO, ConferenceType.VIDEO}) {
            int width = metrics.stringWidth(label(each)) + 2 * UIScale.scale(10);
            Rectangle bounds = new Rectangle(right - width, cell.y + pad, width, height);
            if (each == type) {
                return bounds;
            }
            right -= width + pad;
        }
        throw new IllegalArgumentException(String.valueOf(type));
    }

    private static String label(ConferenceType type) {
        return Texts.get(type == ConferenceType.VIDEO ? "user.videoCall" : "user.audioCall");
    }

    private int rowAt(Point point) {
        int row = locationToIndex(point);
        return row >= 0 && getCellBounds(row, row).contains(point) ? row : -1;
    }

    /** A person's row: its text ("Bob (222) · online") is what tests and screen readers read; it paints more. */
    private final class Row extends JLabel implements ListCellRenderer<Long> {
        private long id;
        private int row;
        private boolean selected;
        private Presence shown = Presence.OFFLINE;
        private Icon avatar;

        @Override
        public java.awt.Component getListCellRendererComponent(JList<? extends Long> list, Long value, int index,
                boolean isSelected, boolean focus) {
            id = value;
            row = index;
            selected = isSelected;
            shown = presence.apply(value);
            avatar = Avatar.icon(names.apply(value), AVATAR);
            setText(names.apply(value) + " (" + value + ") \u00b7 " + Texts.get(presenceKey(shown)));
            setFont(list.getFont());
            getAccessibleContext().setAccessibleName(getText());
            return this;
        }

        @Override
        public Dimension getPreferredSize() {
            int height = Math.max(UIScale.scale(AVATAR), getFontMetrics(getFont()).getHeight()) + UIScale.scale(12);
            return new Dimension(UIScale.scale(320), height);
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                JList<Long> list = PeopleList.this;
                g2.setColor(selected ? list.getSelectionBackground() : list.getBackground());
                g2.fillRect(0, 0, getWidth(), getHeight());
                int pad = UIScale.scale(6);
                avatar.paintIcon(this, g2, pad, (getHeight() - avatar.getIconHeight()) / 2);
                Color text = selected ? list.getSelectionForeground() : list.getForeground();
                Color quiet = UIManager.getColor("Label.disabledForeground");
                FontMetrics plain = g2.getFontMetrics(getFont());
                int baseline = (getHeight() + plain.getAscent() - plain.getDescent()) / 2;
                int x = pad * 2 + avatar.getIconWidth();
                Font bold = getFont().deriveFont(Font.BOLD);
                g2.setFont(bold);
                g2.setColor(text);
                String name = names.apply(id);
                g2.drawString(name, x, baseline);
                x += g2.getFontMetrics().stringWidth(name) + pad;
                g2.setFont(getFont());
                g2.setColor(selected ? text : quiet);
                g2.drawString(Long.toString(id), x, baseline);
                x += plain.stringWidth(Long.toString(id)) + pad * 2;
                int dot = UIScale.scale(8);
                g2.setColor(dotColour(shown));
                g2.fillOval(x, baseline - plain.getAscent() / 2 - dot / 2, dot, dot);
                x += dot + pad;
                g2.setColor(selected ? text : quiet);
                g2.drawString(Texts.get(presenceKey(shown)), x, baseline);
                if (showsButtons(row)) {
                    Rectangle cell = getCellBounds(row, row);
                    for (ConferenceType type : ConferenceType.values()) {
                        Rectangle b = buttonBounds(row, type);
                        b.translate(-cell.x, -cell.y);
                        int arc = UIScale.scale(8);
                        g2.setColor(UIManager.getColor(type == ConferenceType.VIDEO ? "Button.default.background"
                                : "Button.background"));
                        g2.fillRoundRect(b.x, b.y, b.width, b.height, arc, arc);
                        g2.setColor(UIManager.getColor(type == ConferenceType.VIDEO ? "Button.default.foreground"
                                : "Button.foreground"));
                        g2.drawString(label(type), b.x + (b.width - plain.stringWidth(label(type))) / 2,
                                b.y + (b.height + plain.getAscent() - plain.getDescent()) / 2);
                    }
                }
            } finally {
                g2.dispose();
            }
        }
    }

    private static String presenceKey(Presence presence) {
        return switch (presence) {
            case ONLINE -> "user.online";
            case OFFLINE -> "user.offline";
            case IN_CALL -> "user.inCall";
        };
    }

    private static Color dotColour(Presence presence) {
        return switch (presence) {
            case ONLINE -> new Color(0x2E, 0xA0, 0x43);
            case IN_CALL -> new Color(0xE0, 0x8A, 0x00);
            case OFFLINE -> new Color(0x9A, 0x9A, 0x9A);
        };
    }
}
