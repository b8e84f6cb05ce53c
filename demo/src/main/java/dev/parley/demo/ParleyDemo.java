package dev.parley.demo;

import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.components.ContentMode;
import dev.parley.components.RemoteVideoView;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.SessionState;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.signaling.LocalSignalingHub;
import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * The Parley demo in its embedded mode: two users, Alice and Bob, in one process with
 * in-process signaling and real WebRTC between them. Alice calls Bob; Bob answers by himself;
 * each side shows the other's video (the test pattern). This is the minimal first window; the
 * full demo (launcher, incoming dialog, group calls, XMPP login) comes with the demo issue.
 *
 * <p>Threading: Swing on the EDT; engine callbacks arrive on the EDT by default.
 */
public final class ParleyDemo {

    private final LocalSignalingHub hub = new LocalSignalingHub();
    private final CallClient alice = CallClient.create(hub.channel(111), CallConfig.defaults());
    private final CallClient bob = CallClient.create(hub.channel(222), CallConfig.defaults());
    private final RemoteVideoView aliceSeesBob = new RemoteVideoView();
    private final RemoteVideoView bobSeesAlice = new RemoteVideoView();
    private final JLabel status = new JLabel("Idle");
    private final JButton call = new JButton("Alice calls Bob");
    private final JButton hangUp = new JButton("Hang up");
    private CallSession session;

    private ParleyDemo() {
        bob.addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession incoming, Map<String, String> userInfo) {
                incoming.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
                incoming.acceptCall(Map.of());
            }

            @Override
            public void remoteVideoTrackReceived(CallSession s, long userId, VideoTrack track) {
                bobSeesAlice.setVideoTrack(track);
            }
        });
        alice.addListener(new CallListener() {
            @Override
            public void remoteVideoTrackReceived(CallSession s, long userId, VideoTrack track) {
                aliceSeesBob.setVideoTrack(track);
            }

            @Override
            public void sessionStateChanged(CallSession s, SessionState state) {
                status.setText("Alice's call: " + state.name().toLowerCase(java.util.Locale.ROOT));
                boolean live = state != SessionState.CLOSED;
                call.setEnabled(!live);
                hangUp.setEnabled(live);
                if (!live) {
                    aliceSeesBob.setVideoTrack(null);
                    bobSeesAlice.setVideoTrack(null);
                }
            }
        });
    }

    private void show() {
        JFrame frame = new JFrame("Parley demo");
        JPanel videos = new JPanel(new GridLayout(1, 2, 8, 8));
        aliceSeesBob.setContentMode(ContentMode.ASPECT_FIT);
        bobSeesAlice.setContentMode(ContentMode.ASPECT_FIT);
        videos.add(titled("Alice sees Bob", aliceSeesBob));
        videos.add(titled("Bob sees Alice", bobSeesAlice));
        JPanel controls = new JPanel(new MigLayout("insets dialog", "[][][grow]"));
        hangUp.setEnabled(false);
        call.addActionListener(e -> {
            session = alice.createSession(List.of(222L), ConferenceType.VIDEO);
            session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
            session.startCall(Map.of("note", "hello from Alice"));
        });
        hangUp.addActionListener(e -> session.hangUp(Map.of()));
        controls.add(call);
        controls.add(hangUp);
        controls.add(status, "growx");
        frame.getContentPane().add(videos, BorderLayout.CENTER);
        frame.getContentPane().add(controls, BorderLayout.SOUTH);
        frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                alice.close();
                bob.close();
                hub.close();
            }
        });
        frame.setSize(900, 420);
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
    }

    private static JPanel titled(String title, RemoteVideoView view) {
        JPanel panel = new JPanel(new BorderLayout());
        panel.add(new JLabel(title), BorderLayout.NORTH);
        panel.add(view, BorderLayout.CENTER);
        return panel;
    }

    /** Starts the embedded demo. */
    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            FlatLightLaf.setup();
            new ParleyDemo().show();
        });
    }
}
