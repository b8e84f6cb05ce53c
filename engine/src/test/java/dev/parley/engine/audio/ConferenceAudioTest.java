package dev.parley.engine.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallConfig;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.conference.ConferenceClient;
import dev.parley.engine.conference.ConferenceListener;
import dev.parley.engine.conference.ConferenceSession;
import dev.parley.engine.conference.ConferenceSettings;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.Waits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A voice through the Janus video room: Ann's 440 Hz microphone reaches Bob's speaker through
 * the SFU, and both sides name Ann the active speaker (Bob's microphone is silent).
 */
@ExtendWith(Servers.class)
class ConferenceAudioTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void annsVoiceCrossesTheRoomAndSheIsEveryonesActiveSpeaker(Pulse pulse, Janus janus) {
        List<String> annEvents = new CopyOnWriteArrayList<>();
        List<String> bobEvents = new CopyOnWriteArrayList<>();
        try (Pulse.Recording bobEars = pulse.record("bob-ears");
                ConferenceClient ann = client(janus, 9911, "alice-voice", "alice-ears");
                ConferenceClient bob = client(janus, 9912, "quiet", "bob-ears")) {
            ConferenceSession annRoom = ann.createSession(Long.toString(Janus.ROOM), ConferenceType.AUDIO);
            ConferenceSession bobRoom = bob.createSession(Long.toString(Janus.ROOM), ConferenceType.AUDIO);
            annRoom.addListener(speakers(annEvents));
            bobRoom.addListener(speakers(bobEvents));
            annRoom.joinAsPublisher();
            bobRoom.joinAsPublisher();
            Waits.until(() -> annRoom.activePublishers().contains(9912L) && bobRoom.activePublishers().contains(9911L),
                    WAIT, () -> "both publishing");
            annRoom.subscribeToParticipant(9912);
            bobRoom.subscribeToParticipant(9911);

            Waits.until(() -> Hearing.hears(bobEars, 440), WAIT,
                    () -> "Bob's speaker to carry Ann's 440 Hz: " + Hearing.describe(bobEars, 440));
            Waits.until(() -> bobEvents.contains("speaker 9911") && annEvents.contains("speaker 9911"), WAIT,
                    () -> "Ann as everyone's active speaker: Ann saw " + annEvents + ", Bob saw " + bobEvents);
            assertThat(bobRoom.activeSpeaker()).hasValue(9911);
            assertThat(bobEvents).doesNotContain("speaker 9912");
        }
    }

    /** A client on the system audio module, sending from {@code microphone} and playing on {@code speaker}. */
    static ConferenceClient client(Janus janus, long userId, String microphone, String speaker) {
        CallConfig config = CallConfig.builder().audioDeviceMode(AudioDeviceMode.SYSTEM)
                .callbackExecutor(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "test-conference-events-" + userId);
                    t.setDaemon(true);
                    return t;
                })).build();
        ConferenceClient client = ConferenceClient.create(ConferenceSettings.of(janus.url(), userId).withConfig(config));
        client.setMicrophone(VoiceCallTest.microphone(microphone));
        client.setSpeaker(VoiceCallTest.speaker(speaker));
        return client;
    }

    private static ConferenceListener speakers(List<String> events) {
        return new ConferenceListener() {
            @Override
            public void activeSpeakerChanged(ConferenceSession session, long userId) {
                events.add("speaker " + userId);
            }
        };
    }
}
