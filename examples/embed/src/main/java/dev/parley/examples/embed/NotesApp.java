package dev.parley.examples.embed;

import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.components.CallView;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.signaling.LocalSignalingHub;
import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JToolBar;
import javax.swing.WindowConstants;

/**
 * An application that existed before calls: a notes window with a toolbar. Embedding Parley
 * takes what is marked "Parley" below: a client, a "Call Bob" button in the toolbar, and a
 * window with a CallView while the call lasts. Bob is a colleague in the same process who
 * answers every call (in-process signaling, so the example needs no server; an application
 * would pass an XmppSignaling instead of the hub's channel).
 */
public final class NotesApp {

    static final long ME = 111;
    static final long BOB = 222;

    private final JFrame frame = new JFrame("Notes");
    private final LocalSignalingHub hub = new LocalSignalingHub();
    private final CallClient client;                                   // Parley
    private final CallClient bob;

    NotesApp() {
        client = CallClient.create(hub.channel(ME), CallConfig.defaults());
        bob = colleagueWhoAnswers();
        JToolBar tools = new JToolBar();
        tools.add(new JButton("Bold"));
        tools.add(new JButton("Italic"));
        JButton call = new JButton("Call Bob");                       // Parley: one button
        call.setName("callBob");
        call.addActionListener(e -> callBob());
        tools.add(call);
        frame.add(tools, BorderLayout.NORTH);
        frame.add(new JScrollPane(new JTextArea("Meeting notes\n", 20, 50)), BorderLayout.CENTER);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                close();
            }
        });
        frame.pack();
    }

    JFrame frame() {
        return frame;
    }

    /** Parley: a call to Bob, shown in a window of its own until it ends. */
    private void callBob() {
        CallSession session = client.createSession(List.of(BOB), ConferenceType.VIDEO);
        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        CallView view = new CallView(client);
        view.setNameResolver(id -> id == BOB ? "Bob" : "User " + id);
        view.setSession(session);
        JDialog window = new JDialog(frame, "Call with Bob");
        window.setName("callWindow");
        window.setContentPane(view);
        window.setSize(800, 600);
        window.setLocationRelativeTo(frame);
        window.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        window.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                session.hangUp(Map.of());
            }
        });
        client.addListener(new CallListener() {
            @Override
            public void sessionClosed(CallSession closed) {
                if (closed == session) {
                    view.setSession(null);
                    window.dispose();
                }
            }
        });
        window.setVisible(true);
        session.startCall(Map.of());
    }

    private CallClient colleagueWhoAnswers() {
        CallClient colleague = CallClient.create(hub.channel(BOB), CallConfig.defaults());
        colleague.addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                session.acceptCall(Map.of());
            }
        });
        return colleague;
    }

    void close() {
        client.close();
        bob.close();
        hub.close();
    }

    public static void main(String[] args) {
        EventQueue.invokeLater(() -> {
            FlatLightLaf.setup();
            NotesApp app = new NotesApp();
            app.frame().setLocationRelativeTo(null);
            app.frame().setVisible(true);
        });
    }
}
