package dev.parley.components;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallException;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.SessionState;
import dev.parley.engine.Subscription;
import java.awt.Font;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * Announces an incoming call: who calls (name, initials), video or audio, and Accept, Decline
 * and, for a video call, Audio only. It rings (a generated tone through javax.sound, silent
 * where there is no audio output) while shown, and closes by itself when the caller hangs up
 * or the session otherwise ends (the answer time ran out, another device answered). Not
 * modal: showing it never blocks the EDT.
 *
 * <pre>{@code
 * public void sessionReceived(CallSession session, Map<String, String> userInfo) {
 *     IncomingCallDialog dialog = new IncomingCallDialog(frame, client, session, "Alice");
 *     dialog.setOnAccept(accepted -> callView.setSession(accepted));
 *     dialog.showRinging();
 * }
 * }</pre>
 *
 * <p>Keyboard: Enter accepts, Escape declines.
 *
 * <p>Theme keys:
 * <ul>
 * <li>{@code @uiDefault Parley.incoming.background Color}
 * <li>{@code @uiDefault Parley.incoming.acceptBackground Color}
 * <li>{@code @uiDefault Parley.incoming.acceptForeground Color}
 * <li>{@code @uiDefault Parley.incoming.rejectBackground Color}
 * <li>{@code @uiDefault Parley.incoming.rejectForeground Color}
 * <li>{@code @uiDefault Parley.incoming.avatarWidth int}
 * <li>{@code @uiDefault Parley.video.avatarBackground Color}
 * <li>{@code @uiDefault Parley.video.avatarForeground Color}
 * <li>{@code @uiDefault Parley.controlBar.iconWidth int}
 * </ul>
 *
 * <p>Threading: EDT only.
 */
public class IncomingCallDialog extends JDialog {

    private final CallSession session;
    private final Ringer ringer = new Ringer();
    private final Subscription subscription;
    private final Timer answerTimeout;
    private Consumer<CallSession> onAccept = s -> { };
    private Consumer<CallSession> onDecline = s -> { };

    /**
     * A dialog for {@code session}, received by {@code client}.
     *
     * @param callerName how to name the caller; {@code null} names them by user id
     */
    public IncomingCallDialog(Window owner, CallClient client, CallSession session, String callerName) {
        super(owner, Theme.text("incoming.title"), ModalityType.MODELESS);
        this.session = Objects.requireNonNull(session, "session");
        String name = callerName != null ? callerName : Theme.text("user.fallback", session.initiatorId());
        boolean video = session.conferenceType() == ConferenceType.VIDEO;
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        setName("parley.incomingCall");

        JPanel content = new JPanel(new MigLayout("insets dialog, wrap 1, align center", "[center]"));
        content.setBackground(Theme.color("Parley.incoming.background"));
        content.add(new Avatar(name));
        JLabel who = new JLabel(Theme.text("incoming.calling", name));
        who.setName("parley.caller");
        who.setFont(who.getFont().deriveFont(Font.BOLD, who.getFont().getSize2D() * 1.3f));
        content.add(who, "gaptop related");
        JLabel kind = new JLabel(Theme.text(video ? "incoming.videoCall" : "incoming.audioCall"));
        kind.setName("parley.callKind");
        content.add(kind);

        JButton reject = button("parley.reject", "incoming.reject", Icons.Glyph.HANG_UP, "Parley.incoming.rejectBackground",
                "Parley.incoming.rejectForeground");
        JButton audioOnly = button("parley.acceptAudio", "incoming.acceptAudio", Icons.Glyph.MIC,
                "Parley.incoming.acceptBackground", "Parley.incoming.acceptForeground");
        JButton accept = button("parley.accept", "incoming.accept", video ? Icons.Glyph.CAMERA : Icons.Glyph.PHONE,
                "Parley.incoming.acceptBackground", "Parley.incoming.acceptForeground");
        JPanel buttons = new JPanel(new MigLayout("insets 0, gap unrel", "[sg b][sg b][sg b]"));
        buttons.setOpaque(false);
        buttons.add(reject);
        if (video) {
            buttons.add(audioOnly);
        }
        buttons.add(accept);
        content.add(buttons, "gaptop unrel");
        setContentPane(content);
        getRootPane().setDefaultButton(accept);
        getRootPane().registerKeyboardAction(e -> reject(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        reject.addActionListener(e -> reject());
        accept.addActionListener(e -> accept(false));
        audioOnly.addActionListener(e -> accept(true));
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                reject();
            }
        });
        subscription = client.addListener(new CallListener() {
            @Override
            public void sessionClosed(CallSession closed) {
                Edt.run(() -> {
                    if (closed == session) {
                        close();
                    }
                });
            }
        });
        // The engine closes an unanswered session itself; this only guards a dialog left behind.
        answerTimeout = new Timer((int) client.config().answerTimeInterval().toMillis() + 5_000, e -> close());
        answerTimeout.setRepeats(false);
        pack();
        setLocationRelativeTo(owner);
    }

    /** What to do once the call is accepted (show the call view, say); called on the EDT. */
    public void setOnAccept(Consumer<CallSession> onAccept) {
        this.onAccept = Objects.requireNonNull(onAccept, "onAccept");
    }

    /** What to do once the call is declined (with the button, Escape or by closing the dialog); called on the EDT. */
    public void setOnDecline(Consumer<CallSession> onDecline) {
        this.onDecline = Objects.requireNonNull(onDecline, "onDecline");
    }

    /**
     * Accepts the call as the Accept button does (a video call with the camera), for another
     * place to answer from, such as a desktop notification's Accept.
     */
    public void accept() {
        accept(false);
    }

    /** Declines the call as the Decline button does. */
    public void decline() {
        reject();
    }

    /**
     * Where the ring sounds and how loud: {@code speaker} null for the system default (also
     * where the chosen one is unplugged), {@code volume} from 0 (silent: the dialog alone) to 1
     * (the default). Takes effect at the next {@link #showRinging()}.
     */
    public void setRingtone(AudioDevice speaker, double volume) {
        ringer.use(speaker, volume);
    }

    /** Shows the dialog and starts ringing; closes at once if the session already ended. */
    public void showRinging() {
        if (session.state() == SessionState.CLOSED) {
            close();
            return;
        }
        setVisible(true);
        ringer.start();
        answerTimeout.start();
    }

    /** Whether the dialog is ringing now. */
    public boolean isRinging() {
        return ringer.isRinging();
    }

    /** The session this dialog answers. */
    public CallSession session() {
        return session;
    }

    private void accept(boolean audioOnly) {
        try {
            if (audioOnly) {
                session.localMediaStream().videoTrack().setEnabled(false);
            }
            session.acceptCall(Map.of());
        } catch (IllegalStateException | CallException e) {
            close(); // the caller gave up in the meantime
            return;
        }
        close();
        onAccept.accept(session);
    }

    private void reject() {
        boolean declined = false;
        try {
            session.rejectCall(Map.of());
            declined = true;
        } catch (IllegalStateException | CallException e) {
            // already answered or closed
        }
        close();
        if (declined) {
            onDecline.accept(session);
        }
    }

    private void close() {
        ringer.stop();
        answerTimeout.stop();
        subscription.close();
        dispose();
    }

    private static JButton button(String name, String textKey, Icons.Glyph glyph, String background,
            String foreground) {
        JButton button = new JButton(Theme.text(textKey),
                Icons.of(glyph, "Parley.controlBar.iconWidth", () -> Theme.color(foreground)));
        button.setName(name);
        button.setBackground(Theme.color(background));
        button.setForeground(Theme.color(foreground));
        button.putClientProperty("JButton.buttonType", "roundRect");
        button.getAccessibleContext().setAccessibleName(Theme.text(textKey));
        return button;
    }
}
