package dev.parley.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.Devices;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Pulse;
import dev.parley.engine.servers.QuickBloxBrowser;
import dev.parley.engine.servers.TestServers;
import dev.parley.engine.testing.CallHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mouth-to-ear latency of a 1:1 audio call on loopback: tone bursts into the caller's
 * microphone, their onset timed where they start and where they arrive. Parley to Parley on
 * the test PulseAudio (src/servers/pulse.sh), and, in the same run, the QuickBlox JS SDK to
 * itself in two Chromium pages whose fake microphone plays the bursts.
 *
 * <ul>
 * <li>Parley, device to device: onset in a recording of Alice's microphone (a sine source)
 *     to onset in a recording of Bob's speaker (a null sink's monitor), both through
 *     {@code parec} at 10 ms blocks: capture buffers, encoding, the network, the jitter
 *     buffer, decoding and playout buffers.
 * <li>Parley, microphone to decoded: the same start, to the moment Bob's remote audio track
 *     level first rises (polled every millisecond): all but the playout buffers.
 * <li>Chromium, stream to stream: onset in the caller page's microphone stream to onset in
 *     the callee page's remote stream, both read through a WebAudio analyser every 2 ms (the
 *     fake microphone has no device buffer and the analyser sits before any output device).
 * </ul>
 *
 * Run with {@code bash src/scripts/bench-audio.sh}; {@code PULSE_SERVER} must name the test
 * server's socket, as the script sets it. Argument: the number of bursts (default 24, the
 * first 3 of each side are warm-up). With {@code -Dparley.bench.verbose=true} it also prints
 * the browser's onset times.
 */
public final class MouthToEarBenchmark {

    private static final int WARM_UP = BenchTable.smokeOr(1, 3);
    private static final double ONSET_DB = -40;
    private static final double LEVEL_ONSET = Math.pow(10, ONSET_DB / 20);
    private static final long ALICE = 8801;
    private static final long BOB = 8802;

    public static void main(String[] args) throws Exception {
        int bursts = args.length > 0 ? Integer.parseInt(args[0]) : BenchTable.smokeOr(4, 24);
        Samples deviceToDevice = new Samples();
        Samples toDecoded = new Samples();
        Samples browser = new Samples();
        String chromium;
        Pulse pulse = TestServers.pulse();
        parley(pulse, bursts, deviceToDevice, toDecoded);
        try (Prosody prosody = Prosody.start();
                QuickBloxBrowser pages = QuickBloxBrowser.start(QuickBloxBrowser.FakeMicrophone.TONE_BURSTS)) {
            chromium = pages.browserVersion();
            chromium(prosody, pages, bursts, browser);
        }

        System.out.println();
        System.out.println("Mouth-to-ear latency, 1:1 audio call on loopback, Opus 48 kHz, onset at " + ONSET_DB
                + " dBFS (Chromium " + chromium + ", QuickBlox JS SDK 2.23.0)");
        Samples.header("audio");
        deviceToDevice.print("Parley: microphone device -> speaker device (PulseAudio)");
        toDecoded.print("Parley: microphone device -> decoded at the callee");
        browser.print("JS SDK: microphone stream -> remote stream (WebAudio)");
        BenchTable.row("ratio Parley device-to-device / JS stream-to-stream",
                BenchTable.fixed(deviceToDevice.median() / browser.median(), 2), BenchTable.fixed(deviceToDevice.p95() / browser.p95(), 2));
        BenchTable.row("ratio Parley to-decoded / JS stream-to-stream",
                BenchTable.fixed(toDecoded.median() / browser.median(), 2), BenchTable.fixed(toDecoded.p95() / browser.p95(), 2));
        BenchTable.end("audio");
        System.exit(0); // webrtc-java's native threads would otherwise keep the JVM alive
    }

    /** Alice's microphone alice-voice (440 Hz) sounds in bursts; Bob listens on bob-ears. */
    private static void parley(Pulse pulse, int bursts, Samples deviceToDevice, Samples toDecoded) throws Exception {
        pulse.muteTone("alice-voice", true);
        try (CallHarness calls = CallHarness.realTime();
                Pulse.Recording mouth = pulse.recordMicrophone("alice-voice");
                Pulse.Recording ear = pulse.record("bob-ears")) {
            CallClient alice = calls.client(ALICE, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
            CallClient bob = calls.client(BOB, b -> b.audioDeviceMode(AudioDeviceMode.SYSTEM));
            alice.setMicrophone(device(Devices.microphones(), "alice-voice"));
            alice.setSpeaker(device(Devices.speakers(), "alice-ears"));
            bob.setMicrophone(device(Devices.microphones(), "quiet"));
            bob.setSpeaker(device(Devices.speakers(), "bob-ears"));
            calls.autoAccept(BOB, Map.of());
            calls.call(ALICE, List.of(BOB), ConferenceType.AUDIO, Map.of());
            calls.log(ALICE).awaitEvent("connectedToUser " + BOB);
            CallSession atBob = calls.received(BOB);
            AudioTrack heard = atBob.remoteAudioTrack(ALICE).orElseThrow();
            Thread.sleep(4_000); // the audio device modules start capturing and playing

            for (int i = 0; i < bursts; i++) {
                long mouthFrom = mouth.written();
                long earFrom = ear.written();
                long turnedOn = System.nanoTime();
                pulse.muteTone("alice-voice", false);
                long decodedAt = firstLevelAbove(heard, LEVEL_ONSET, turnedOn, Duration.ofMillis(900));
                Thread.sleep(Math.max(0, 900 - (System.nanoTime() - turnedOn) / 1_000_000));
                pulse.muteTone("alice-voice", true);
                long spoke = mouth.onsetAfter(mouthFrom, ONSET_DB);
                long arrived = ear.onsetAfter(earFrom, ONSET_DB);
                if (spoke < 0 || arrived < 0 || decodedAt < 0) {
                    throw new IllegalStateException("burst " + i + " was not heard: microphone " + spoke
                            + ", speaker " + arrived + ", decoded " + decodedAt);
                }
                long spokeAt = mouth.heardAt(spoke);
                if (i >= WARM_UP) {
                    deviceToDevice.add((ear.heardAt(arrived) - spokeAt) / 1e6);
                    toDecoded.add((decodedAt - spokeAt) / 1e6);
                }
                Thread.sleep(700); // quiet between bursts, so the decoded level falls back
            }
        }
    }

    /** When {@code track}'s level first exceeds {@code threshold}, polled every millisecond, or -1. */
    private static long firstLevelAbove(AudioTrack track, double threshold, long since, Duration within)
            throws InterruptedException {
        long deadline = since + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (track.level() > threshold) {
                return System.nanoTime();
            }
            Thread.sleep(1);
        }
        return -1;
    }

    /** Two pages: A calls B (audio); A's fake microphone plays a burst every 2 s. */
    private static void chromium(Prosody prosody, QuickBloxBrowser pages, int bursts, Samples latencies)
            throws Exception {
        Duration wait = Duration.ofSeconds(30);
        QuickBloxBrowser.Peer a = pages.open(prosody, ALICE + 100);
        QuickBloxBrowser.Peer b = pages.open(prosody, BOB + 100);
        a.call(List.of(b.userId()), 2, Map.of());
        b.await("call", Map.of(), wait);
        b.accept(Map.of());
        b.await("connectionState", Map.of("userId", a.userId(), "connected", true), wait);
        b.await("remoteStream", Map.of("userId", a.userId()), wait);
        a.invoke("watchOnsets", "local");
        b.invoke("watchOnsets", a.userId());
        Thread.sleep(bursts * 2_000L + 1_000);
        List<Double> spoken = numbers(a.invoke("onsets", "local"));
        List<Double> heard = numbers(b.invoke("onsets", a.userId()));
        int used = 0;
        for (double at : heard) {
            double latest = spoken.stream().filter(s -> s <= at && at - s < 1_000).mapToDouble(s -> s).max().orElse(-1);
            if (latest >= 0 && used++ >= WARM_UP) {
                latencies.add(at - latest);
            }
        }
        if (Boolean.getBoolean("parley.bench.verbose")) {
            System.out.println("spoken " + spoken + "\nheard " + heard);
        }
        a.hangUp(Map.of());
        if (latencies.count() < bursts - WARM_UP - 2) {
            throw new IllegalStateException("only " + latencies.count() + " bursts matched; spoken " + spoken
                    + ", heard " + heard);
        }
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asDouble()));
        return values;
    }

    private static AudioDevice device(List<AudioDevice> devices, String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no device " + id + " in " + devices));
    }
}
