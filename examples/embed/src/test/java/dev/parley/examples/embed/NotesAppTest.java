package dev.parley.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import dev.parley.components.CallView;
import dev.parley.components.testing.SwingFixture;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded call, as a user of the notes application sees it: a click calls Bob, his video shows, hang-up ends it. */
class NotesAppTest {

    private Robot robot;
    private FrameFixture notes;

    @BeforeEach
    void open() {
        SwingFixture.requireDisplay();
        robot = BasicRobot.robotWithNewAwtHierarchy();
        NotesApp app = GuiActionRunner.execute(() -> {
            FlatLightLaf.setup();
            return new NotesApp();
        });
        notes = new FrameFixture(robot, app.frame());
        notes.show();
    }

    @AfterEach
    void close() {
        notes.cleanUp();
    }

    @Test
    void theCallButtonCallsBobAndShowsHisVideoUntilHangUp() {
        notes.button("callBob").click();

        DialogFixture call = WindowFinder.findDialog("callWindow").withTimeout(10_000).using(robot);
        CallView view = (CallView) ((javax.swing.JDialog) call.target()).getContentPane();
        Waits.until(() -> GuiActionRunner.execute(() -> view.remoteView(NotesApp.BOB) != null
                && view.remoteView(NotesApp.BOB).isShowingVideo()), Duration.ofSeconds(15), () -> "Bob's video");
        assertThat(GuiActionRunner.execute(() -> view.participantState(NotesApp.BOB))).isEmpty();

        call.button("parley.hangUp").click();

        Waits.until(() -> !GuiActionRunner.execute(() -> call.target().isDisplayable()), Duration.ofSeconds(10),
                () -> "the call window to close after hang-up");
        assertThat(notes.target().isShowing()).isTrue();
    }
}
