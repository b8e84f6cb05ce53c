package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CameraDevice;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoCapture;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

/** The pre-join check: a live preview, Join answers the choice, Cancel answers nothing, and both free the preview. */
class PreJoinDialogTest extends GuiTest {

    private final List<VideoCapture> made = new ArrayList<>();
    private final Function<CameraDevice, VideoCapture> captures = camera -> {
        VideoCapture capture = new TestPatternCapture();
        made.add(capture);
        return capture;
    };

    @Test
    void joinAnswersTheChoiceAfterALivePreviewAndFreesThePreview() {
        Optional<PreJoinDialog.Choice>[] answer = open();
        DialogFixture check = WindowFinder.findDialog("parley.preJoin").withTimeout(15_000).using(robot);
        LocalVideoPanel preview = (LocalVideoPanel) check.robot().finder().findByName(check.target(),
                "parley.preJoin.preview", true);
        Waits.until(() -> GuiActionRunner.execute(preview::isShowingVideo), Duration.ofSeconds(10),
                () -> "the preview to show the camera's picture");
        check.comboBox("parley.preJoin.camera").requireSelection("Test pattern (no camera)");
        check.button("parley.preJoin.join").click();

        Waits.until(() -> answer[0] != null, Duration.ofSeconds(3), () -> "the dialog's answer");
        assertThat(answer[0]).isPresent();
        assertThat(answer[0].get().camera()).isNull();
        assertThat(made).isNotEmpty().allMatch(VideoCapture::isClosed);
    }

    @Test
    void cancelAnswersNothingAndFreesThePreview() {
        Optional<PreJoinDialog.Choice>[] answer = open();
        DialogFixture check = WindowFinder.findDialog("parley.preJoin").withTimeout(15_000).using(robot);
        check.button("parley.preJoin.cancel").click();
        Waits.until(() -> answer[0] != null, Duration.ofSeconds(3), () -> "the dialog's answer");
        assertThat(answer[0]).isEmpty();
        assertThat(made).isNotEmpty().allMatch(VideoCapture::isClosed);
    }

    @SuppressWarnings("unchecked")
    private Optional<PreJoinDialog.Choice>[] open() {
        calls.client(9601);
        show(() -> new javax.swing.JLabel("a window"), 300, 200);
        Optional<PreJoinDialog.Choice>[] answer = new Optional[1];
        javax.swing.SwingUtilities.invokeLater(() ->
                answer[0] = PreJoinDialog.ask(window.target(), calls.existing(9601), captures));
        return answer;
    }
}
