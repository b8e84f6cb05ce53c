package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ScreenCapture;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoCapture;
import dev.parley.engine.testing.Waits;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.swing.JFrame;
import org.assertj.swing.core.MouseButton;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The call window people expect: the self view of a 1:1 call dragged to another corner and
 * hidden, a screen shared with two clicks and stopped from the banner, single-letter
 * shortcuts, the network quality on a tile, and the reconnecting and lost states.
 */
class CallWindowTest extends GuiTest {

    private static final long ALICE = 9501;
    private static final long BOB = 9502;

    private CallView view;
    private JFrame shared;

    @AfterEach
    void closeSharedWindow() {
        if (shared != null) {
            GuiActionRunner.execute(shared::dispose);
        }
    }

    @Test
    void theSelfViewOfAOneToOneCallIsDraggedToAnotherCornerAndHidden() {
        CallSession call = oneToOne();
        Rectangle overlay = GuiActionRunner.execute(() -> localTile(view).getBounds());
        Point from = new Point(overlay.x + overlay.width / 2, overlay.y + overlay.height / 2);
        java.awt.Container stage = GuiActionRunner.execute(() -> localTile(view).getParent());

        robot.pressMouse(stage, from, MouseButton.LEFT_BUTTON);
        robot.moveMouse(stage, new Point(from.x - 60, from.y - 40));
        robot.moveMouse(stage, new Point(40, 30));
        robot.releaseMouse(MouseButton.LEFT_BUTTON);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(view::selfViewCorner)).isEqualTo("TOP_LEFT");
        Rectangle moved = GuiActionRunner.execute(() -> localTile(view).getBounds());
        assertThat(moved.x).isLessThan(overlay.x);
        assertThat(moved.y).isLessThan(overlay.y);

        java.awt.Component self = GuiActionRunner.execute(() -> localTile(view));
        window.toggleButton("parley.selfViewToggle").requireText("Hide self view").click();
        assertThat(GuiActionRunner.execute(self::isShowing)).isFalse();
        window.toggleButton("parley.selfViewToggle").requireText("Show self view").click();
        assertThat(GuiActionRunner.execute(self::isShowing)).isTrue();
        assertThat(GuiActionRunner.execute(view::selfViewCorner)).as("it stays where it was put").isEqualTo("TOP_LEFT");
        assertThat(call.state()).hasToString("CONNECTED");
    }

    @Test
    void aWindowIsSharedWithTwoClicksAndTheBannerStopsIt() {
        String title = "Parley picker test " + System.nanoTime();
        shared = ScreenShareTest.quadrantWindow(title);
        CallSession call = oneToOne();
        window.moveToFront();

        window.toggleButton("parley.share").requireToolTip("Share screen \\(S, Ctrl\\+Shift\\+S\\)").click();
        DialogFixture picker = WindowFinder.findDialog("parley.screenPicker").withTimeout(5_000).using(robot);
        int index = GuiActionRunner.execute(() -> {
            ScreenPickerDialog dialog = (ScreenPickerDialog) picker.target();
            for (int i = 0; i < dialog.sources().size(); i++) {
                if (dialog.sources().get(i).title().equals(title)) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(index).as("the shared window among the sources").isPositive();
        picker.toggleButton("parley.screenSource.0").requireSelected(); // the whole screen, ready for one click
        picker.toggleButton("parley.screenSource." + index).click();
        picker.button("parley.screenPicker.share").click();

        Waits.until(() -> title(GuiActionRunner.execute(view::sharingBannerText)).contains(title),
                Duration.ofSeconds(3), () -> "the banner naming the shared window");
        assertThat(capture(call)).isInstanceOf(ScreenCapture.class);
        window.toggleButton("parley.share").requireSelected().requireToolTip("Stop sharing \\(S, Ctrl\\+Shift\\+S\\)");

        window.button("parley.stopSharing").click();
        Waits.until(() -> GuiActionRunner.execute(view::sharingBannerText) == null, Duration.ofSeconds(3),
                () -> "the banner gone");
        assertThat(capture(call)).as("the test pattern put back").isInstanceOf(TestPatternCapture.class);
        window.toggleButton("parley.share").requireNotSelected();

        window.toggleButton("parley.share").click();
        DialogFixture again = WindowFinder.findDialog("parley.screenPicker").withTimeout(5_000).using(robot);
        again.button("parley.screenPicker.cancel").click();
        assertThat(capture(call)).as("cancel changes nothing").isInstanceOf(TestPatternCapture.class);
    }

    @Test
    void lettersToggleTheMicrophoneAndTheCameraWhileTheFocusIsInTheView() {
        CallSession call = oneToOne();
        robot.click(GuiActionRunner.execute(() -> remoteTileOfBob()));
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> view.isFocusOwner())).as("a click on the video focuses the view").isTrue();
        robot.pressAndReleaseKeys(KeyEvent.VK_M);
        Waits.until(() -> !call.localMediaStream().audioTrack().isEnabled(), Duration.ofSeconds(2), () -> "M mutes");
        window.toggleButton("parley.mute").requireSelected().requireToolTip("Unmute microphone \\(M, Ctrl\\+D\\)");
        robot.pressAndReleaseKeys(KeyEvent.VK_V);
        Waits.until(() -> !call.localMediaStream().videoTrack().isEnabled(), Duration.ofSeconds(2),
                () -> "V turns the camera off");
        robot.pressAndReleaseKeys(KeyEvent.VK_M, KeyEvent.VK_V);
        Waits.until(() -> call.localMediaStream().audioTrack().isEnabled()
                && call.localMediaStream().videoTrack().isEnabled(), Duration.ofSeconds(2), () -> "both back on");
    }

    @Test
    void pictureInPictureOpensByButtonAndOnMinimisingMutesAndLeavesWithEscape() {
        CallSession call = oneToOne();
        window.button("parley.pipButton").click();
        java.awt.Window pip = Waits.untilPresent(() -> GuiActionRunner.execute(() -> java.util.Arrays.stream(
                java.awt.Window.getWindows()).filter(w -> "parley.pip".equals(w.getName()) && w.isShowing())
                .findFirst()), Duration.ofSeconds(3), () -> "the small window");
        assertThat(GuiActionRunner.execute(pip::isAlwaysOnTop)).isTrue();
        RemoteVideoView video = (RemoteVideoView) robot.finder().findByName(pip, "parley.pip.video", true);
        Waits.until(() -> GuiActionRunner.execute(video::isShowingVideo), Duration.ofSeconds(10),
                () -> "Bob's video in the small window");

        robot.click(robot.finder().findByName(pip, "parley.pip.mute", true));
        Waits.until(() -> !call.localMediaStream().audioTrack().isEnabled(), Duration.ofSeconds(2),
                () -> "the small window's microphone button to mute");
        window.toggleButton("parley.mute").requireSelected();

        robot.click(video);
        Waits.until(() -> GuiActionRunner.execute(pip::isFocused), Duration.ofSeconds(3),
                () -> "the small window focused by a click; focus is in "
                        + GuiActionRunner.execute(() -> java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager()
                                .getFocusedWindow()));
        robot.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        Waits.until(() -> !GuiActionRunner.execute(view::isPictureInPictureOpen), Duration.ofSeconds(3),
                () -> "Escape to close the small window; focus owner " + GuiActionRunner.execute(() ->
                        java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()));
        assertThat(GuiActionRunner.execute(pip::isShowing)).isFalse();

        GuiActionRunner.execute(() -> ((JFrame) window.target()).setExtendedState(java.awt.Frame.ICONIFIED));
        Waits.until(() -> GuiActionRunner.execute(view::isPictureInPictureOpen), Duration.ofSeconds(3),
                () -> "the small window when the call window is minimised");
        GuiActionRunner.execute(() -> ((JFrame) window.target()).setExtendedState(java.awt.Frame.NORMAL));
        Waits.until(() -> !GuiActionRunner.execute(view::isPictureInPictureOpen), Duration.ofSeconds(3),
                () -> "the small window gone when the call window is back");
        assertThat(call.state()).hasToString("CONNECTED");
    }

    @Test
    void aScreenSharedInAGroupCallIsShownLargeWithTheOthersInAStrip() {
        String title = "Parley group share " + System.nanoTime();
        shared = ScreenShareTest.quadrantWindow(title, 720, 360);
        long carol = 9503;
        calls.client(ALICE);
        calls.client(BOB);
        calls.client(carol);
        calls.autoAccept(BOB, Map.of());
        calls.autoAccept(carol, Map.of());
        show(() -> {
            view = new CallView(calls.existing(ALICE));
            return view;
        }, 900, 640);
        CallSession call = calls.call(ALICE, List.of(BOB, carol), ConferenceType.VIDEO, Map.of());
        GuiActionRunner.execute(() -> view.setSession(call));
        Waits.until(() -> GuiActionRunner.execute(() -> view.remoteView(BOB) != null && view.remoteView(carol) != null
                && view.remoteView(BOB).isShowingVideo() && view.remoteView(carol).isShowingVideo()),
                Duration.ofSeconds(15), () -> "both videos at Alice");
        assertThat(GuiActionRunner.execute(view::featuredParticipant)).as("cameras only: the grid").isEqualTo(-1);

        dev.parley.engine.ScreenSource source = Waits.untilPresent(() -> ScreenCapture.sources().stream()
                .filter(s -> s.title().equals(title)).findFirst(), Duration.ofSeconds(5), () -> "the window listed");
        calls.received(BOB).localMediaStream().videoTrack().setVideoCapture(new ScreenCapture(source, 15));
        Waits.until(() -> GuiActionRunner.execute(view::featuredParticipant) == BOB, Duration.ofSeconds(10),
                () -> "Bob's share shown large");
        robot.waitForIdle();
        Rectangle bob = GuiActionRunner.execute(() -> view.remoteView(BOB).getParent().getBounds());
        Rectangle carolTile = GuiActionRunner.execute(() -> view.remoteView(carol).getParent().getBounds());
        assertThat(bob.width).isGreaterThan(carolTile.width * 2);
        assertThat(carolTile.x).as("Carol in the strip on the right").isGreaterThan(bob.x + bob.width);

        calls.received(BOB).localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        Waits.until(() -> GuiActionRunner.execute(view::featuredParticipant) == -1, Duration.ofSeconds(10),
                () -> "the grid again when Bob's camera is back");
    }

    @Test
    void aTileShowsNetworkQualityFromStatsReports() {
        oneToOne();
        Waits.until(() -> GuiActionRunner.execute(() -> view.networkQuality(BOB)) == 3, Duration.ofSeconds(10),
                () -> "three bars on a clean loopback, got " + GuiActionRunner.execute(() -> view.networkQuality(BOB)));
    }

    @Test
    void aTileSaysReconnectingWhileItsPeerReconnectsAndConnectionLostWhenItFails() {
        Tile tile = GuiActionRunner.execute(() -> new Tile(new RemoteVideoView(), "Bob"));
        GuiActionRunner.execute(() -> tile.setConnectionState(ConnectionState.DISCONNECTED));
        assertThat(GuiActionRunner.execute(tile::stateText)).isEqualTo("Reconnecting\u2026");
        GuiActionRunner.execute(() -> tile.setConnectionState(ConnectionState.DISCONNECT_TIMEOUT));
        assertThat(GuiActionRunner.execute(tile::stateText)).isEqualTo("Connection lost");
        GuiActionRunner.execute(() -> tile.setConnectionState(ConnectionState.CONNECTED));
        assertThat(GuiActionRunner.execute(tile::stateText)).isEmpty();
    }

    private CallSession oneToOne() {
        calls.client(ALICE, b -> b.statsReportInterval(Duration.ofMillis(500)));
        calls.client(BOB);
        calls.autoAccept(BOB, Map.of());
        show(() -> {
            view = new CallView(calls.existing(ALICE));
            return view;
        }, 800, 600);
        CallSession call = calls.call(ALICE, List.of(BOB), ConferenceType.VIDEO, Map.of());
        GuiActionRunner.execute(() -> view.setSession(call));
        calls.log(ALICE).awaitEvent("connectedToUser " + BOB);
        return call;
    }

    private static VideoCapture capture(CallSession call) {
        return call.localMediaStream().videoTrack().videoCapture().orElseThrow();
    }

    private static String title(String text) {
        return text == null ? "" : text;
    }

    private java.awt.Component remoteTileOfBob() {
        return view.remoteView(BOB);
    }
}
