package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.components.ConferenceView;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Servers;
import java.time.Duration;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's room mode against a real Janus: two people join the same room from the launcher
 * and each sees the other's video; a wrong address is explained in the dialog; Leave closes.
 */
@ExtendWith(Servers.class)
class RoomDemoTest extends DemoGuiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void twoPeopleJoinARoomAndSeeEachOtherAndAWrongAddressIsExplained(Janus janus) throws Exception {
        launcher.button("parley.room").click();
        DialogFixture dialog = WindowFinder.findDialog("parley.roomDialog").withTimeout(5_000).using(robot);
        dialog.moveTo(new java.awt.Point(700, 80)); // clear of the launcher, as a person would drag it
        dialog.moveToFront();

        dialog.textBox("parley.room.url").setText("ws://127.0.0.1:" + dev.parley.engine.servers.Prosody.freePort());
        dialog.button("parley.room.join").click();
        await(() -> GuiActionRunner.execute(() -> dialog.label("parley.room.message").target().getText())
                .contains("cannot connect"), WAIT, () -> "the dialog to say Janus is not there: "
                + GuiActionRunner.execute(() -> dialog.label("parley.room.message").target().getText()));

        dialog.textBox("parley.room.url").setText(janus.url().toString());
        dialog.textBox("parley.room.number").setText(Long.toString(Janus.ROOM));
        dialog.textBox("parley.room.user").setText("111");
        dialog.button("parley.room.join").click();
        FrameFixture alice = WindowFinder.findFrame("parley.room.111").withTimeout(20_000).using(robot);
        dialog.moveToFront();
        dialog.textBox("parley.room.user").setText("222");
        dialog.button("parley.room.join").click();
        FrameFixture bob = WindowFinder.findFrame("parley.room.222").withTimeout(20_000).using(robot);

        ConferenceView atAlice = (ConferenceView) robot.finder().findByName(alice.target(), "parley.conferenceView",
                true);
        ConferenceView atBob = (ConferenceView) robot.finder().findByName(bob.target(), "parley.conferenceView", true);
        await(() -> GuiActionRunner.execute(() -> atAlice.remoteView(222) != null
                && atAlice.remoteView(222).isShowingVideo()), WAIT, () -> "Bob's video in Alice's room window");
        await(() -> GuiActionRunner.execute(() -> atBob.remoteView(111) != null
                && atBob.remoteView(111).isShowingVideo()), WAIT, () -> "Alice's video in Bob's room window");
        assertThat(GuiActionRunner.execute(() -> atAlice.remoteView(222).participantName())).isEqualTo("Bob");

        bob.button("parley.room.leave").click();
        await(() -> GuiActionRunner.execute(() -> atAlice.participantCount() == 0), WAIT,
                () -> "Bob's tile gone from Alice's window");
        alice.button("parley.room.leave").click();
        await(() -> !GuiActionRunner.execute(() -> alice.target().isDisplayable()), WAIT, () -> "Alice's window closed");
    }

    @Test
    void theRoomDialogStartsALocalJanusAndJoinsIt(Janus shared) throws Exception {
        launcher.button("parley.room").click();
        DialogFixture dialog = WindowFinder.findDialog("parley.roomDialog").withTimeout(5_000).using(robot);
        dialog.moveTo(new java.awt.Point(700, 80));
        dialog.moveToFront();
        dialog.button("parley.room.startLocal").requireVisible().click();
        await(() -> GuiActionRunner.execute(() -> dialog.label("parley.room.message").target().getText())
                .contains("A local Janus runs at"), WAIT, () -> "the dialog to say the local Janus runs: "
                + GuiActionRunner.execute(() -> dialog.label("parley.room.message").target().getText()));
        String address = dialog.textBox("parley.room.url").text();
        assertThat(address).startsWith("ws://127.0.0.1:").isNotEqualTo(shared.url().toString());
        dialog.textBox("parley.room.number").requireText("1234");
        dialog.textBox("parley.room.user").setText("333");
        dialog.button("parley.room.join").click();
        FrameFixture carol = WindowFinder.findFrame("parley.room.333").withTimeout(20_000).using(robot);
        carol.button("parley.room.leave").click();
        await(() -> !GuiActionRunner.execute(() -> carol.target().isDisplayable()), WAIT, () -> "Carol's window closed");
    }
}
