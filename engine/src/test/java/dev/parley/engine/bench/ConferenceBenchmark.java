package dev.parley.engine.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallConfig;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.PixelFormat;
import dev.parley.engine.StatsReport;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoFormat;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.conference.ConferenceClient;
import dev.parley.engine.conference.ConferenceListener;
import dev.parley.engine.conference.ConferenceSession;
import dev.parley.engine.conference.ConferenceSettings;
import dev.parley.engine.servers.Janus;
import dev.parley.engine.signaling.LocalSignalingHub;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mesh against SFU, side by side in one run: a 4-person video call as a mesh (every participant
 * encodes and uploads one stream per other participant) and as a Janus conference (one upload
 * each, Janus forwards), then conferences of 8 and 12 people. All participants run in this JVM,
 * so the JVM's CPU divided by the participants is one participant's share; Janus's own CPU is
 * read from its process. Upload is the send bitrate (video and audio) of a participant's
 * connections from their stats reports. Run with {@code bash src/scripts/bench-conference.sh
 * [SECONDS]}.
 */
public final class ConferenceBenchmark {

    private static final VideoFormat VGA = VideoFormat.DEFAULT;
    private static final VideoFormat SMALL = new VideoFormat(320, 240, 15, PixelFormat.FORMAT_420F);
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ConferenceBenchmark() {
    }

    /** One measured configuration. */
    private record Row(String topology, int people, VideoFormat format, double cpuPerPerson, double janusCpu,
            double uploadKbps, double fpsMin, double fpsMedian, int streams, int streamsUp) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : BenchTable.smokeOr(2, 20);
        System.out.println();
        System.out.println("Mesh vs SFU, everyone in one JVM, test pattern, headless audio, " + seconds + " s each; "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("<!-- bench:conference -->");
        System.out.printf(Locale.ROOT, "| %-8s | %6s | %-11s | %14s | %10s | %13s | %15s | %9s |%n", "topology", "people",
                "video", "CPU per person", "Janus CPU", "upload/person", "fps min/median", "streams");
        System.out.println("|---|---:|---|---:|---:|---:|---|---:|");
        try (Janus janus = Janus.start()) {
            print(() -> mesh(4, VGA, seconds), "mesh", 4, VGA);
            print(() -> sfu(janus, 4, VGA, seconds), "SFU", 4, VGA);
            if (!BenchTable.smoke()) { // the smoke run goes through both paths once, the crowds only here
                print(() -> sfu(janus, 8, SMALL, seconds), "SFU", 8, SMALL);
                print(() -> sfu(janus, 8, VGA, seconds), "SFU", 8, VGA);
                print(() -> sfu(janus, 12, SMALL, seconds), "SFU", 12, SMALL); // last: it may not fit
            }
        }
        BenchTable.end("conference");
        System.out.println("(CPU in cores: 1.00 is one full core; streams: received video streams at 10 fps or more / all)");
        System.exit(0); // webrtc-java's native threads would otherwise keep the JVM alive
    }

    private interface Run {
        Row run() throws Exception;
    }

    /** Runs one configuration and prints its row, or what stopped it (where this machine runs out). */
    private static void print(Run run, String topology, int people, VideoFormat format) {
        String video = format.width() + "x" + format.height() + "@" + format.frameRate();
        try {
            Row r = run.run();
            System.out.printf(Locale.ROOT, "| %-8s | %6d | %-11s | %14.2f | %10s | %8.0f kbps | %6.1f / %6.1f | %4d/%-4d |%n",
                    r.topology, r.people, video, r.cpuPerPerson,
                    Double.isNaN(r.janusCpu) ? "-" : String.format(Locale.ROOT, "%.2f", r.janusCpu),
                    r.uploadKbps, r.fpsMin, r.fpsMedian, r.streamsUp, r.streams);
        } catch (Exception | Error e) {
            System.out.printf(Locale.ROOT, "| %-8s | %6d | %-11s | did not run: %s |%n", topology, people, video, e);
        }
    }

    /** Sends per (participant, connection): the last report's send bitrate, while measuring. */
    private static final class Uploads {
        final Map<String, double[]> sums = new ConcurrentHashMap<>();
        volatile boolean measuring;

        void add(long participant, long connection, StatsReport report) {
            if (measuring) {
                double[] sum = sums.computeIfAbsent(participant + "/" + connection, k -> new double[2]);
                synchronized (sum) {
                    sum[0] += report.videoSendBitrateKbps() + report.audioSendBitrateKbps();
                    sum[1]++;
                }
            }
        }

        /** The mean upload of one participant: each connection's mean send rate, summed, over the people. */
        double perPerson(int people) {
            double total = 0;
            for (double[] sum : sums.values()) {
                total += sum[1] == 0 ? 0 : sum[0] / sum[1];
            }
            return total / people;
        }
    }

    private static Row mesh(int people, VideoFormat format, int seconds) throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-callbacks"));
        CallConfig config = CallConfig.builder().callbackExecutor(callbacks).audioDeviceMode(AudioDeviceMode.HEADLESS)
                .statsReportInterval(Duration.ofSeconds(1)).build();
        List<CallClient> clients = new ArrayList<>();
        List<AtomicLong> frames = new ArrayList<>();
        Uploads uploads = new Uploads();
        try (LocalSignalingHub hub = new LocalSignalingHub()) {
            List<Long> opponents = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                long id = 100L * (i + 1);
                if (i > 0) {
                    opponents.add(id);
                }
                CallClient client = CallClient.create(hub.channel(id), config);
                clients.add(client);
                client.addListener(new CallListener() {
                    @Override
                    public void sessionReceived(CallSession session, Map<String, String> userInfo) {
                        session.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(format));
                        session.acceptCall(Map.of());
                    }

                    @Override
                    public void remoteVideoTrackReceived(CallSession session, long userId, VideoTrack track) {
                        count(track, frames);
                    }

                    @Override
                    public void statsReportUpdated(CallSession session, long userId, StatsReport report) {
                        uploads.add(id, userId, report);
                    }
                });
            }
            CallSession call = clients.get(0).createSession(opponents, ConferenceType.VIDEO);
            call.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(format));
            call.startCall(Map.of());
            Row row = measure("mesh", people, format, seconds, frames, people * (people - 1), uploads, null);
            call.hangUp(Map.of());
            clients.forEach(CallClient::close);
            return row;
        } finally {
            callbacks.shutdown();
        }
    }

    private static long nextIds = 7000;

    private static Row sfu(Janus janus, int people, VideoFormat format, int seconds) throws Exception {
        long firstId = nextIds;
        nextIds += 100; // a run that could not clean up leaves its ids taken in the room
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-callbacks"));
        CallConfig config = CallConfig.builder().callbackExecutor(callbacks).audioDeviceMode(AudioDeviceMode.HEADLESS)
                .statsReportInterval(Duration.ofSeconds(1)).build();
        List<ConferenceClient> clients = new ArrayList<>();
        List<ConferenceSession> rooms = new ArrayList<>();
        List<AtomicLong> frames = new ArrayList<>();
        Uploads uploads = new Uploads();
        try {
            for (int i = 0; i < people; i++) {
                long id = firstId + i;
                ConferenceClient client = ConferenceClient.create(ConferenceSettings.of(janus.url(), id).withConfig(config));
                clients.add(client);
                ConferenceSession room = client.createSession(Long.toString(Janus.ROOM), ConferenceType.VIDEO);
                room.addListener(new ConferenceListener() {
                    @Override
                    public void remoteVideoTrackReceived(ConferenceSession s, long userId, VideoTrack track) {
                        count(track, frames);
                    }

                    @Override
                    public void statsReportUpdated(ConferenceSession s, long userId, StatsReport report) {
                        if (userId == id) {
                            uploads.add(id, userId, report); // only the publication sends
                        }
                    }
                });
                room.localMediaStream().videoTrack().setVideoCapture(new TestPatternCapture(format));
                room.joinAsPublisher();
                rooms.add(room);
            }
            for (ConferenceSession room : rooms) {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (room.activePublishers().size() < people - 1 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                for (long other : room.activePublishers()) {
                    room.subscribeToParticipant(other);
                }
            }
            return measure("SFU", people, format, seconds, frames, people * (people - 1), uploads, janus.pid());
        } finally {
            for (ConferenceClient client : clients) {
                try {
                    client.close();
                } catch (RuntimeException e) {
                    System.err.println("closing conference client " + client.userId() + ": " + e);
                }
            }
            callbacks.shutdown();
        }
    }

    private static void count(VideoTrack track, List<AtomicLong> frames) {
        AtomicLong count = new AtomicLong();
        synchronized (frames) {
            frames.add(count);
        }
        track.addSink(frame -> count.incrementAndGet()); // until the track ends
    }

    private static Row measure(String topology, int people, VideoFormat format, int seconds, List<AtomicLong> frames,
            int streams, Uploads uploads, Long janusPid) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (frames.size() < streams && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(3000); // every stream past its first key frame and ramp-up
        List<AtomicLong> counted;
        synchronized (frames) {
            counted = List.copyOf(frames);
        }
        long[] before = counted.stream().mapToLong(AtomicLong::get).toArray();
        long cpu0 = OS.getProcessCpuTime();
        long janus0 = janusPid == null ? 0 : ticks(janusPid);
        long t0 = System.nanoTime();
        uploads.measuring = true;
        Thread.sleep(seconds * 1000L);
        uploads.measuring = false;
        long wall = System.nanoTime() - t0;
        double cpu = (OS.getProcessCpuTime() - cpu0) / (double) wall;
        double janusCpu = janusPid == null ? Double.NaN : (ticks(janusPid) - janus0) * 10_000_000.0 / wall;
        List<Double> fps = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            fps.add((counted.get(i).get() - before[i]) * 1e9 / wall);
        }
        while (fps.size() < streams) {
            fps.add(0.0); // a stream that never came
        }
        fps.sort(Double::compare);
        int up = (int) fps.stream().filter(f -> f >= 10).count();
        return new Row(topology, people, format, cpu / people, janusCpu, uploads.perPerson(people), fps.get(0),
                fps.get(fps.size() / 2), streams, up);
    }

    /** User and system CPU of process {@code pid} in clock ticks (1/100 s). */
    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
