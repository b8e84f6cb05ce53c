package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.SessionState;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JDialog;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incoming-call dialog answers a real call. */
class IncomingCallDialogTest extends GuiTest {

    private final AtomicReference<IncomingCallDialog> dialog = new AtomicReference<>();
    private final AtomicReference<CallSession> accepted = new AtomicReference<>();
    private CallSession alice;

    @BeforeEach
    void bobShowsADialogForEveryCall() {
        calls.client(111);
        calls.client(222);
        FrameFixture frame = show(() -> new javax.swing.JLabel("Bob's window"), 300, 200);
        java.awt.Frame owner = frame.target();
        calls.existing(222).addListener(new CallListener() {
            @Override
            public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                // the default callback executor is the EDT, as in a Swing application
                IncomingCallDialog d = new IncomingCallDialog(owner, calls.existing(222), session, "Alice Example");
                d.setOnAccept(accepted::set);
                dialog.set(d);
                d.showRinging();
            }
        });
        alice = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
    }

    private DialogFixture ringing() {
        Waits.until(() -> dialog.get() != null, Duration.ofSeconds(10), () -> "the incoming dialog");
        DialogFixture fixture = new DialogFixture(robot, (JDialog) dialog.get());
        fixture.requireVisible();
        // Xvfb has no window manager to keep the new dialog above Bob's window: raise it, as one would
        fixture.moveToFront();
        robot.focusAndWaitForFocusGain(dialog.get());
        fixture.label("parley.caller").requireText("Alice Example is calling");
        fixture.label("parley.callKind").requireText("Incoming video call");
        assertThat(GuiActionRunner.execute(dialog.get()::isRinging)).isTrue();
        return fixture;
    }

    @Test
    void acceptConnectsTheCall() {
        DialogFixture fixture = ringing();

        fixture.button("parley.accept").click();

        Waits.until(() -> alice.connectionState(222) == ConnectionState.CONNECTED, Duration.ofSeconds(10),
                () -> "the call to connect, is " + alice.connectionState(222));
        fixture.requireNotVisible();
        assertThat(accepted.get()).isSameAs(dialog.get().session());
        assertThat(GuiActionRunner.execute(dialog.get()::isRinging)).isFalse();
    }

    @Test
    void audioOnlyAcceptsWithTheCameraOff() {
        DialogFixture fixture = ringing();

        fixture.button("parley.acceptAudio").click();

        Waits.until(() -> alice.connectionState(222) == ConnectionState.CONNECTED, Duration.ofSeconds(10),
                () -> "the call to connect: Alice sees " + alice.connectionState(222) + ", Bob's session is "
                        + dialog.get().session().state() + " with " + dialog.get().session().connectionState(111)
                        + ", dialog visible " + dialog.get().isVisible());
        assertThat(dialog.get().session().localMediaStream().videoTrack().isEnabled()).isFalse();
    }

    @Test
    void rejectTellsTheCaller() {
        DialogFixture fixture = ringing();

        fixture.button("parley.reject").click();

        Waits.until(() -> alice.state() == SessionState.CLOSED, Duration.ofSeconds(10),
                () -> "Alice's session to close: it is " + alice.state() + " with " + alice.connectionState(222)
                        + ", Bob's session is " + dialog.get().session().state() + " with "
                        + dialog.get().session().connectionState(111) + ", dialog visible "
                        + dialog.get().isVisible());
        assertThat(alice.connectionState(222)).isEqualTo(ConnectionState.REJECTED);
        fixture.requireNotVisible();
    }

    @Test
    void closesByItselfWhenTheCallerHangsUpFirst() {
        DialogFixture fixture = ringing();

        alice.hangUp(Map.of());

        Waits.until(() -> !GuiActionRunner.execute(dialog.get()::isVisible), Duration.ofSeconds(10),
                () -> "the dialog to close");
        assertThat(GuiActionRunner.execute(dialog.get()::isRinging)).isFalse();
        assertThat(accepted.get()).isNull();
    }
}
