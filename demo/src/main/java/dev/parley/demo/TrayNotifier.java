package dev.parley.demo;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop notification of a call that rings where nobody looks: an icon in the system tray
 * (where the desktop has one) that says "Alice is calling" in a notification and offers Accept
 * and Decline in its menu; a click on the icon brings the ringing window forward. Without a tray
 * it shows nothing, and the incoming-call dialog rings alone, as always.
 *
 * <p>Threading: EDT.
 */
final class TrayNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrayNotifier.class);

    private final MenuItem accept = new MenuItem(Texts.get("tray.accept"));
    private final MenuItem decline = new MenuItem(Texts.get("tray.decline"));
    private TrayIcon icon;
    private String lastMessage;
    private Runnable onAccept = () -> { };
    private Runnable onDecline = () -> { };
    private Runnable onOpen = () -> { };

    TrayNotifier() {
        accept.addActionListener(e -> onAccept.run());
        decline.addActionListener(e -> onDecline.run());
        accept.setEnabled(false);
        decline.setEnabled(false);
    }

    /** Whether the desktop offers a system tray now. */
    static boolean available() {
        try {
            return SystemTray.isSupported();
        } catch (RuntimeException | Error e) {
            return false; // a headless or broken toolkit: no tray
        }
    }

    /**
     * Tells from the tray that {@code caller} is calling; Accept, Decline and a click on the icon
     * run the given actions. Returns whether it could (false, and nothing shown, without a tray).
     */
    boolean ringing(String caller, boolean video, Runnable accepted, Runnable declined, Runnable open) {
        if (!available()) {
            return false;
        }
        try {
            if (icon == null) {
                icon = new TrayIcon(picture(), Texts.get("launcher.title"), menu());
                icon.setImageAutoSize(true);
                icon.addActionListener(e -> onOpen.run());
                SystemTray.getSystemTray().add(icon);
            }
        } catch (AWTException | RuntimeException e) {
            log.info("no notification from the system tray: {}", e.toString());
            icon = null;
            return false;
        }
        onAccept = accepted;
        onDecline = declined;
        onOpen = open;
        accept.setEnabled(true);
        decline.setEnabled(true);
        lastMessage = Texts.get(video ? "tray.videoCall" : "tray.audioCall", caller);
        icon.setToolTip(lastMessage);
        icon.displayMessage(Texts.get("incoming.title"), lastMessage, TrayIcon.MessageType.INFO);
        return true;
    }

    /** The call stopped ringing (answered, declined, or gone): the menu has nothing to answer. */
    void stopped() {
        accept.setEnabled(false);
        decline.setEnabled(false);
        onAccept = () -> { };
        onDecline = () -> { };
        if (icon != null) {
            icon.setToolTip(Texts.get("launcher.title"));
        }
    }

    /** The last notification's text, or {@code null}. */
    String lastMessage() {
        return lastMessage;
    }

    /** The icon in the tray, or {@code null} before the first notification. */
    TrayIcon icon() {
        return icon;
    }

    @Override
    public void close() {
        if (icon != null) {
            try {
                if (available()) {
                    SystemTray.getSystemTray().remove(icon);
                }
            } catch (RuntimeException e) {
                log.debug("the system tray went away: {}", e.toString());
            }
            icon = null;
        }
    }

    private PopupMenu menu() {
        PopupMenu menu = new PopupMenu();
        menu.add(accept);
        menu.add(decline);
        return menu;
    }

    /** A round "P" in the accent colour: the demo has no picture files. */
    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x25, 0x63, 0xEB));
            g.fillOval(1, 1, 30, 30);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString("P", 9, 23);
        } finally {
            g.dispose();
        }
        return image;
    }
}
