package dev.parley.engine.audio;

import static dev.parley.engine.audio.VoiceCallTest.microphone;
import static dev.parley.engine.audio.VoiceCallTest.speaker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.testing.CallHarness;
import dev.parley.engine.testing.Waits;
import dev.parley.engine.xmpp.XmppSignaling;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A voice call between Parley (660 Hz microphone, its own speaker) and the QuickBlox JS SDK in
 * Chromium, whose fake microphone plays 440 Hz: each hears the other's tone.
 */
@ExtendWith(Servers.class)
class QuickBloxVoiceTest {

    private static final long PARLEY = 8301;
    private static final long JS = 8302;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private CallHarness harness;
    private QuickBloxBrowser.Peer page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void parleyHearsTheBrowsersMicrophoneAndTheBrowserHearsParleys(Pulse pulse, Prosody prosody,
            QuickBloxBrowser browser) {
        try (Pulse.Recording parleyHears = pulse.record("alice-ears")) {
            harness = CallHarness.over(userId -> XmppSignaling.connect(prosody.user(userId).build()));
            CallClient parley = harness.client(PARLEY, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
            parley.setMicrophone(microphone("bob-voice"));
            parley.setSpeaker(speaker("alice-ears"));
            page = browser.open(prosody, JS);

            harness.call(PARLEY, List.of(JS), ConferenceType.AUDIO, Map.of());
            page.await("call", Map.of(), WAIT);
            page.accept(Map.of());
            harness.log(PARLEY).awaitEvent("connectedToUser " + JS);

            Waits.until(() -> Hearing.hears(parleyHears, 440), WAIT, () -> "the browser's 440 Hz on Parley's speaker: "
                    + Hearing.describe(parleyHears, 440));
            JsonNode[] heard = new JsonNode[1];
            Waits.until(() -> {
                heard[0] = page.remoteAudioTone(PARLEY, 660);
                return heard[0] != null && Math.abs(heard[0].path("dominantHz").asDouble() - 660) < 15
                        && heard[0].path("levelDb").asDouble() - heard[0].path("otherDb").asDouble() >= Hearing.CLEAR_DB;
            }, WAIT, () -> "Parley's 660 Hz in the page: " + heard[0]);
        }
    }
}
