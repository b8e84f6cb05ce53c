package dev.parley.demo;

import dev.parley.components.ConferenceView;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.conference.ConferenceClient;
import dev.parley.engine.conference.ConferenceListener;
import dev.parley.engine.conference.ConferenceSession;
import dev.parley.engine.conference.ConferenceSettings;
import dev.parley.engine.conference.JanusException;
import java.awt.BorderLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * One user in a Janus video room: everyone who publishes there, shown by a
 * {@link ConferenceView}, subscribed as they arrive; Leave (or closing the window) leaves.
 * The requests to Janus block, so they run on a thread of the window's own
 * ({@code demo-room-USER}), never on the EDT.
 *
 * <p>Threading: EDT, but for the work it hands to its thread.
 */
final class RoomWindow extends JFrame {

    private final ExecutorService janusWork;
    private final ConferenceClient client;
    private final ConferenceSession room;
    private final ConferenceView view = new ConferenceView();
    private final JLabel status = new JLabel(" ");

    private RoomWindow(ConferenceClient client, ConferenceSession room, long userId, String roomId) {
        super(Texts.get("room.title", roomId, userId));
        setName("parley.room." + userId);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE); // closing the window leaves the room
        this.client = client;
        this.room = room;
        this.janusWork = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-room-" + userId);
            t.setDaemon(true);
            return t;
        });
        view.setNameResolver(DemoApp::nameOf);
        // with more than nine people, the video of those out of sight is held back at Janus
        view.setVideoFollowsView(janusWork);
        view.setSession(room);
        status.setName("parley.room.status");
        JButton leave = new JButton(Texts.get("room.leave"));
        leave.setName("parley.room.leave");
        leave.addActionListener(e -> dispose());
        JPanel bottom = new JPanel(new MigLayout("insets 4 8 4 8", "[grow][]"));
        bottom.add(status);
        bottom.add(leave);
        add(view, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        room.addListener(new ConferenceListener() {
            @Override
            public void participantJoined(ConferenceSession session, long participant) {
                janusWork.execute(() -> {
                    try {
                        session.subscribeToParticipant(participant);
                    } catch (JanusException | IllegalStateException e) {
                        SwingUtilities.invokeLater(() -> status.setText(e.getMessage()));
                    }
                });
            }

            @Override
            public void reconnectionStateChanged(ConferenceSession session, long user, ReconnectionState state) {
                if (user == session.userId()) {
                    status.setText(switch (state) {
                        case RECONNECTING -> Texts.get("room.reconnecting");
                        case RECONNECTED -> " ";
                        case FAILED -> Texts.get("room.reconnectFailed");
                    });
                }
            }
        });
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                view.setSession(null);
                janusWork.execute(client::close);
                janusWork.shutdown();
            }
        });
        setSize(900, 640);
    }

    /**
     * Connects {@code userId} to the Janus at {@code url}, joins room {@code roomId} publishing
     * the settings' camera (or test pattern), and shows it. Blocks: call off the EDT.
     *
     * @throws JanusException if Janus cannot be reached or refuses the room
     */
    static RoomWindow join(URI url, String roomId, long userId, DemoSettings settings) {
        ConferenceClient client = ConferenceClient.create(ConferenceSettings.of(url, userId));
        RoomWindow[] window = new RoomWindow[1];
        try {
            ConferenceSession room = client.createSession(roomId, ConferenceType.VIDEO);
            room.localMediaStream().videoTrack().setVideoCapture(settings.newCapture());
            // the window listens before joining, so that nobody who publishes meanwhile is missed
            SwingUtilities.invokeAndWait(() -> window[0] = new RoomWindow(client, room, userId, roomId));
            room.joinAsPublisher();
            return window[0];
        } catch (RuntimeException | java.lang.reflect.InvocationTargetException | InterruptedException e) {
            if (window[0] != null) {
                SwingUtilities.invokeLater(() -> {
                    window[0].view.setSession(null);
                    window[0].dispose();
                });
            }
            client.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
