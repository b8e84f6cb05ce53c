package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.testing.ManualClock;
import dev.parley.engine.testing.Waits;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The conference view follows a real group call from Alice's side. */
class CallViewTest extends GuiTest {

    private CallView view;

    @Test
    void theCallTimerCountsOnTheClockItIsGiven() {
        ManualClock clock = new ManualClock();
        calls.client(111);
        calls.client(222);
        calls.autoAccept(222, Map.of());
        show(() -> {
            view = new CallView(calls.existing(111));
            view.setClock(clock);
            return view;
        }, 640, 480);

        CallSession call = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        GuiActionRunner.execute(() -> view.setSession(call));
        Waits.until(() -> GuiActionRunner.execute(view::elapsedText).equals("00:00"), Duration.ofSeconds(10),
                () -> "the timer to start, shows '" + GuiActionRunner.execute(view::elapsedText) + "'");

        clock.advance(Duration.ofSeconds(65));
        Waits.until(() -> GuiActionRunner.execute(view::elapsedText).equals("01:05"), Duration.ofSeconds(3),
                () -> "01:05 after 65 s, shows '" + GuiActionRunner.execute(view::elapsedText) + "'");
    }

    @Test
    void relayoutsFromOneToThreeRemoteTilesAndBack() {
        calls.client(111, b -> b.statsReportInterval(Duration.ofMillis(500)));
        for (long id : new long[] {222, 333, 444}) {
            calls.client(id);
            calls.autoAccept(id, Map.of());
        }
        show(() -> {
            view = new CallView(calls.existing(111));
            view.setNameResolver(id -> Map.of(222L, "Bob", 333L, "Carol", 444L, "Dave").get(id));
            return view;
        }, 900, 700);

        // 1:1 first: Bob's tile fills the view, the local preview is a small overlay in its bottom-right corner
        CallSession one = calls.call(111, List.of(222L), ConferenceType.VIDEO, Map.of());
        GuiActionRunner.execute(() -> view.setSession(one));
        awaitState(222, "");
        assertThat(tiles()).isEqualTo(1);
        Rectangle bob = bounds(222);
        Rectangle local = GuiActionRunner.execute(() -> localTile(view).getBounds());
        assertThat(bob.contains(local)).as("the overlay %s inside Bob's tile %s", local, bob).isTrue();
        assertThat(local.width).isLessThan(bob.width / 2);
        assertThat(local.x + local.width / 2).isGreaterThan(bob.x + bob.width / 2);
        assertThat(local.y + local.height / 2).isGreaterThan(bob.y + bob.height / 2);
        assertThat(GuiActionRunner.execute(view::selfViewCorner)).isEqualTo("BOTTOM_RIGHT");
        Waits.until(() -> GuiActionRunner.execute(() -> view.remoteView(222).isShowingVideo()),
                Duration.ofSeconds(10), () -> "Bob's video");
        assertThat(GuiActionRunner.execute(view::elapsedText)).matches("00:0\\d");
        one.hangUp(Map.of());

        // then a group call: three remote tiles in a 2x2 grid
        CallSession group = calls.call(111, List.of(222L, 333L, 444L), ConferenceType.VIDEO, Map.of());
        GuiActionRunner.execute(() -> view.setSession(group));
        for (long id : new long[] {222, 333, 444}) {
            awaitState(id, "");
        }
        assertThat(tiles()).isEqualTo(3);
        assertThat(bounds(333).y).isEqualTo(bounds(222).y);
        assertThat(bounds(444).y).isGreaterThan(bounds(222).y + bounds(222).height - 1);
        window.toggleButton("parley.statsToggle").click();
        assertThat(GuiActionRunner.execute(view::isStatsVisible)).isTrue();

        assertThat(GuiActionRunner.execute(view::selfViewCorner)).as("a group call has no overlay").isNull();
        assertThat(GuiActionRunner.execute(() -> localTile(view).getBounds().width))
                .isEqualTo(bounds(222).width);

        // Carol and Dave leave: their tiles say so, then go, and Bob fills the view again with the overlay
        calls.existing(333).sessions().get(0).hangUp(Map.of());
        calls.existing(444).sessions().get(0).hangUp(Map.of());
        awaitState(333, "left");
        awaitState(444, "left");
        Waits.until(() -> tiles() == 1, Duration.ofMillis(CallView.LEAVE_MILLIS + 3000), () -> tiles() + " tiles");
        assertThat(bounds(222).contains(GuiActionRunner.execute(() -> localTile(view).getBounds())))
                .isTrue();
    }

    private int tiles() {
        return GuiActionRunner.execute(view::remoteTileCount);
    }

    private Rectangle bounds(long userId) {
        return GuiActionRunner.execute(() -> view.remoteView(userId).getParent().getBounds());
    }

    private void awaitState(long userId, String state) {
        Waits.until(() -> state.equals(GuiActionRunner.execute(() -> view.participantState(userId))),
                Duration.ofSeconds(10), () -> userId + " to be '" + state + "', is '"
                        + GuiActionRunner.execute(() -> view.participantState(userId)) + "'");
    }
}
