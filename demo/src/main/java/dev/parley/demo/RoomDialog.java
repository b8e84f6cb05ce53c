package dev.parley.demo;

import dev.parley.engine.conference.JanusException;
import java.awt.Window;
import java.net.URI;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;

/**
 * Asks for a Janus server, a room and a user id, and joins the room in a {@link RoomWindow}.
 * What goes wrong (no Janus there, no such room) is said in the dialog, with how to start a
 * local Janus.
 *
 * <p>Threading: EDT; joining runs on a worker thread.
 */
final class RoomDialog extends JDialog {

    private final JTextField url = new JTextField("ws://127.0.0.1:8188", 24);
    private final JTextField room = new JTextField("1234", 8);
    private final JTextField user = new JTextField("111", 8);
    private final JLabel message = new JLabel(" ");
    private final JButton join = new JButton(Texts.get("room.join"));
    private final JButton startLocal = new JButton(Texts.get("room.startLocal"));

    RoomDialog(Window owner, DemoApp app) {
        super(owner, Texts.get("room.dialogTitle"), ModalityType.MODELESS);
        setName("parley.roomDialog");
        url.setName("parley.room.url");
        room.setName("parley.room.number");
        user.setName("parley.room.user");
        message.setName("parley.room.message");
        join.setName("parley.room.join");
        startLocal.setName("parley.room.startLocal");
        startLocal.setVisible(LocalJanus.available());
        startLocal.addActionListener(e -> startLocal());
        JPanel panel = new JPanel(new MigLayout("insets dialog, wrap 2", "[right][grow, fill]"));
        panel.add(new WrappedText(Texts.get("room.intro"), 420), "span 2, gapbottom unrel");
        panel.add(Texts.label("room.url", url));
        panel.add(url);
        panel.add(Texts.label("room.number", room));
        panel.add(room);
        panel.add(Texts.label("room.user", user));
        panel.add(user);
        panel.add(message, "span 2, w 420!");
        panel.add(startLocal, "span 2, split 2, left");
        panel.add(join, "right, pushx");
        join.addActionListener(e -> join(app));
        getRootPane().setDefaultButton(join);
        setContentPane(panel);
        pack();
        setLocationRelativeTo(owner);
        // under a window manager the frame's insets are known only once it shows: size again then
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowOpened(java.awt.event.WindowEvent e) {
                pack();
            }
        });
    }

    /** Starts the demo's own Janus and points the dialog at it. */
    private void startLocal() {
        startLocal.setEnabled(false);
        message.setText(Texts.get("room.starting"));
        new SwingWorker<URI, Void>() {
            @Override
            protected URI doInBackground() throws java.io.IOException {
                return LocalJanus.start();
            }

            @Override
            protected void done() {
                try {
                    URI started = get();
                    url.setText(started.toString());
                    room.setText(LocalJanus.ROOM);
                    message.setText(Texts.get("room.started", started));
                    startLocal.setVisible(false);
                } catch (java.util.concurrent.ExecutionException e) {
                    message.setText(Texts.get("room.failed", e.getCause().getMessage()));
                    startLocal.setEnabled(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                pack();
            }
        }.execute();
    }

    private void join(DemoApp app) {
        long userId;
        URI address;
        try {
            userId = Long.parseLong(user.getText().trim());
            address = URI.create(url.getText().trim());
        } catch (IllegalArgumentException e) {
            message.setText(Texts.get("room.bad"));
            return;
        }
        String roomId = room.getText().trim();
        join.setEnabled(false);
        message.setText(Texts.get("room.joining"));
        new SwingWorker<RoomWindow, Void>() {
            @Override
            protected RoomWindow doInBackground() {
                return RoomWindow.join(address, roomId, userId, app.settings());
            }

            @Override
            protected void done() {
                join.setEnabled(true);
                try {
                    RoomWindow window = get();
                    app.roomOpened(window);
                    window.setLocationRelativeTo(RoomDialog.this);
                    window.setVisible(true);
                    message.setText(" ");
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    String why = cause instanceof JanusException || cause instanceof IllegalArgumentException
                            ? cause.getMessage() : String.valueOf(cause);
                    message.setText(Texts.get("room.failed", why));
                    pack(); // the explanation may take lines
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }
}
