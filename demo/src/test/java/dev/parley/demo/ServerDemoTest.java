package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.components.CallView;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import java.time.Duration;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo signed in to the project's Prosody, used by clicking and typing. */
@ExtendWith(Servers.class)
class ServerDemoTest extends DemoGuiTest {

    private DialogFixture loginDialog() {
        launcher.moveToFront();
        launcher.button("parley.connect").click();
        DialogFixture login = WindowFinder.findDialog("parley.login").withTimeout(10_000).using(robot);
        login.moveToFront();
        return login;
    }

    private void fill(DialogFixture login, Prosody prosody, long userId, String password) {
        prosody.user(userId);
        // the long, fixed fields are set (as pasted); the user id and password are typed
        login.textBox("parley.login.host").setText("127.0.0.1");
        login.textBox("parley.login.port").setText(Integer.toString(prosody.c2sPort()));
        login.textBox("parley.login.domain").setText(Prosody.DOMAIN);
        login.textBox("parley.login.appId").setText("1");
        login.textBox("parley.login.certificate").setText(prosody.certificate().toString());
        login.textBox("parley.login.userId").deleteText().enterText(Long.toString(userId));
        login.textBox("parley.login.password").deleteText().enterText(password);
    }

    private FrameFixture logIn(Prosody prosody, long userId) {
        DialogFixture login = loginDialog();
        fill(login, prosody, userId, Prosody.password(userId));
        login.button("parley.login.connect").click();
        return WindowFinder.findFrame("parley.window." + userId).withTimeout(15_000).using(robot);
    }

    @Test
    void twoUsersSignedInToProsodyCallEachOtherByClicking(Prosody prosody) {
        FrameFixture first = logIn(prosody, 8101);
        FrameFixture second = logIn(prosody, 8102);
        first.label("parley.status").requireText("Signed in as User 8101 (8101) \u00b7 Connected");

        front(first).textBox("parley.ids").enterText("8102");
        videoCallThroughCheck(first);
        DialogFixture ringing = incomingDialog(second);
        ringing.label("parley.caller").requireText("User 8101 is calling");
        answer(ringing, "parley.accept");

        CallSession call = GuiActionRunner.execute(() -> app.window(8101).orElseThrow().currentSession());
        await(() -> call.connectionState(8102) == ConnectionState.CONNECTED, Duration.ofSeconds(15),
                () -> "the call through Prosody to connect");
        CallView view = robot.finder().findByName(first.target(), "parley.callView", CallView.class, false);
        await(() -> GuiActionRunner.execute(() -> view.remoteView(8102) != null && view.remoteView(8102).isShowingVideo()),
                Duration.ofSeconds(15), () -> "the other user's video in the first window");

        front(first).button("parley.hangUp").click();
        await(() -> GuiActionRunner.execute(() -> second.panel("parley.idle").target().isShowing()),
                Duration.ofSeconds(10), () -> "the second window back to idle");
    }

    @Test
    void aWrongPasswordShowsTheErrorInTheDialogAndTheUserCanRetry(Prosody prosody) {
        DialogFixture login = loginDialog();
        fill(login, prosody, 8103, "not-the-password");

        login.button("parley.login.connect").click();

        await(() -> GuiActionRunner.execute(() -> login.label("parley.login.error").target().getText())
                .contains("wrong password or unknown user"), Duration.ofSeconds(15), () -> "the error in the dialog");
        login.requireVisible();
        login.button("parley.login.connect").requireEnabled();
        assertThat(GuiActionRunner.execute(() -> app.windows())).isEmpty();

        login.textBox("parley.login.password").deleteText().enterText(Prosody.password(8103));
        login.button("parley.login.connect").click();

        WindowFinder.findFrame("parley.window.8103").withTimeout(15_000).using(robot);
        assertThat(GuiActionRunner.execute(() -> app.settings().get("userId", ""))).isEqualTo("8103");
        assertThat(GuiActionRunner.execute(() -> app.settings().get("password", "none"))).isEqualTo("none");
    }
}
