package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.conference.ConferenceClient;
import dev.parley.engine.conference.ConferenceSession;
import dev.parley.engine.conference.ConferenceSettings;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Janus room on screen: three publishers, the view of the first shows the two others' video
 * once subscribed, with names, and a participant who leaves loses the tile.
 */
@ExtendWith(Servers.class)
class ConferenceViewTest extends GuiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theRoomsPublishersAppearWithTheirVideoAndALeaveRemovesTheTile(Janus janus) {
        try (ConferenceClient ann = client(janus, 9921); ConferenceClient bob = client(janus, 9922);
                ConferenceClient cat = client(janus, 9923)) {
            ConferenceSession annRoom = room(ann);
            ConferenceSession bobRoom = room(bob);
            ConferenceSession catRoom = room(cat);
            ConferenceView[] view = new ConferenceView[1];
            show(() -> {
                view[0] = new ConferenceView();
                view[0].setNameResolver(id -> Map.of(9922L, "Bob", 9923L, "Cat").getOrDefault(id, "?"));
                view[0].setSession(annRoom);
                return view[0];
            }, 800, 600);
            annRoom.joinAsPublisher();
            bobRoom.joinAsPublisher();
            catRoom.joinAsPublisher();
            Waits.until(() -> annRoom.activePublishers().size() == 2, WAIT, () -> "Ann to see two publishers");
            annRoom.subscribeToParticipant(9922);
            annRoom.subscribeToParticipant(9923);

            Waits.until(() -> GuiActionRunner.execute(() -> view[0].participantCount() == 2
                    && view[0].remoteView(9922).isShowingVideo() && view[0].remoteView(9923).isShowingVideo()),
                    WAIT, () -> "both videos in Ann's view");
            assertThat(GuiActionRunner.execute(() -> view[0].remoteView(9923).participantName())).isEqualTo("Cat");
            assertThat(GuiActionRunner.execute(view[0]::shownParticipants)).containsExactly(9922L, 9923L);
            assertThat(GuiActionRunner.execute(view[0]::showsSpeakerLarge)).isFalse();

            catRoom.leave();
            Waits.until(() -> GuiActionRunner.execute(() -> view[0].participantCount() == 1), WAIT,
                    () -> "Cat's tile gone");
            assertThat(GuiActionRunner.execute(() -> view[0].remoteView(9923))).isNull();
        }
    }

    @Test
    void withMoreThanNineTheVideoOfTilesOutOfSightIsHeldBackAndAskedForAgainWhenPagedIn(Janus janus) {
        List<ConferenceClient> clients = new ArrayList<>();
        ExecutorService requests = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-view-requests"));
        try {
            ConferenceClient ann = client(janus, 9930);
            clients.add(ann);
            ConferenceSession annRoom = room(ann);
            ConferenceView[] view = new ConferenceView[1];
            window = show(() -> {
                view[0] = new ConferenceView();
                view[0].setVideoFollowsView(requests);
                view[0].setSession(annRoom);
                return view[0];
            }, 900, 640);
            annRoom.joinAsPublisher();
            for (long id = 9931; id <= 9940; id++) {
                ConferenceClient other = client(janus, id);
                clients.add(other);
                other.createSession(Long.toString(Janus.ROOM), ConferenceType.AUDIO).joinAsPublisher();
            }
            Waits.until(() -> GuiActionRunner.execute(() -> view[0].participantCount() == 10), WAIT,
                    () -> "ten tiles in Ann's view");
            assertThat(GuiActionRunner.execute(view[0]::showsSpeakerLarge)).isTrue();
            List<Long> firstPage = GuiActionRunner.execute(view[0]::shownParticipants);
            assertThat(firstPage).hasSize(ConferenceView.STRIP_PAGE);
            // the speaker large and a page of four in sight: the five others held back, at Janus too
            awaitHeld(view[0], annRoom, 5, firstPage);

            window.button("parley.conference.next").click();
            List<Long> secondPage = GuiActionRunner.execute(view[0]::shownParticipants);
            assertThat(secondPage).doesNotContainAnyElementsOf(firstPage);
            awaitHeld(view[0], annRoom, 5, secondPage);
            assertThat(firstPage).allSatisfy(id -> assertThat(annRoom.isRemoteVideoEnabled(id)).isFalse());
        } finally {
            clients.forEach(ConferenceClient::close);
            requests.shutdown();
        }
    }

    /** {@code count} participants held back, none of {@code inSight}, and the session agrees with the view. */
    private static void awaitHeld(ConferenceView view, ConferenceSession session, int count, List<Long> inSight) {
        Waits.until(() -> GuiActionRunner.execute(() -> {
            List<Long> held = new ArrayList<>();
            for (long id = 9931; id <= 9940; id++) {
                if (view.holdsVideoBack(id) != !session.isRemoteVideoEnabled(id)) {
                    return false;
                }
                if (view.holdsVideoBack(id)) {
                    held.add(id);
                }
            }
            return held.size() == count && inSight.stream().noneMatch(held::contains);
        }), WAIT, () -> "five videos held back, none of " + inSight);
    }

    private static ConferenceSession room(ConferenceClient client) {
        ConferenceSession room = client.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
        room.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture());
        return room;
    }

    private static ConferenceClient client(Janus janus, long userId) {
        CallConfig config = CallConfig.builder().audioDeviceMode(AudioDeviceMode.HEADLESS).build();
        return ConferenceClient.create(ConferenceSettings.of(janus.url(), userId).withConfig(config));
    }
}
