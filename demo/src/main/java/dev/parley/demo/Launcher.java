package dev.parley.demo;

import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * The embedded mode's first window: opens a window per person (as many as there are people,
 * at least four), and leads to the server login and the settings. Closing it closes everything.
 *
 * <p>Threading: EDT.
 */
final class Launcher extends JFrame {

    Launcher(DemoApp app) {
        super(Texts.get("launcher.title"));
        setName("parley.launcher");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        JPanel panel = new JPanel(new MigLayout("insets dialog, wrap 2", "[grow, fill][]"));
        panel.add(new WrappedText(Texts.get("launcher.intro"), 360), "span 2, gapbottom unrel");
        for (Map.Entry<Long, String> person : DemoApp.PEOPLE.entrySet()) {
            panel.add(new JLabel(person.getValue() + " (" + person.getKey() + ")"));
            JButton open = new JButton(Texts.get("launcher.open"));
            open.setName("parley.open." + person.getKey());
            open.addActionListener(e -> app.openEmbedded(person.getKey()));
            panel.add(open);
        }
        JButton server = new JButton(Texts.get("launcher.server"));
        server.setName("parley.connect");
        server.addActionListener(e -> new LoginDialog(this, app).setVisible(true));
        JButton room = new JButton(Texts.get("launcher.room"));
        room.setName("parley.room");
        room.addActionListener(e -> new RoomDialog(this, app).setVisible(true));
        JButton settings = new JButton(Texts.get("launcher.settings"));
        settings.setName("parley.settings");
        settings.addActionListener(e -> new SettingsDialog(this, app).setVisible(true));
        panel.add(server, "span 2, gaptop unrel");
        panel.add(room, "span 2");
        panel.add(settings, "span 2");
        setContentPane(panel);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                setVisible(false);
                app.shutDown();
            }
        });
        pack();
        setLocation(20, 20);
        // under a window manager the frame's insets are known only once it shows: size again then
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                pack();
            }
        });
    }
}
