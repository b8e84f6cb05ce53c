package dev.parley.engine.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real PulseAudio with test devices, started and stopped through {@code src/servers/pulse.sh}:
 * microphones that play a sine ({@code mic:NAME:HZ}) and speakers whose sound is recorded
 * ({@code speaker:NAME}). The audio tests run in a JVM of their own whose {@code PULSE_SERVER}
 * names this server's socket (the engine's build sets it), since a process reaches one sound
 * server, chosen when it first lists devices.
 */
public final class Pulse implements AutoCloseable {

    /** The sample rate of the test devices and recordings. */
    public static final int RATE = 48_000;

    /** The devices of the audio test JVM: silent and default first. */
    static final List<String> DEVICES = List.of("mic:quiet:0", "mic:alice-voice:440", "mic:bob-voice:660",
            "mic:alice-second-voice:880", "speaker:room", "speaker:alice-ears", "speaker:bob-ears",
            "speaker:carol-ears");

    private final Path dir;

    private Pulse(Path dir) {
        this.dir = dir;
    }

    /** Starts the server whose socket this JVM's {@code PULSE_SERVER} names, with {@link #DEVICES}. */
    static Pulse start() {
        String server = System.getenv("PULSE_SERVER");
        if (server == null || !server.startsWith("unix:") || !server.endsWith("/native")) {
            throw new ServerUnavailableException("PULSE_SERVER is " + server + "; the audio tests run in their own"
                    + " JVM with PULSE_SERVER=unix:DIR/native (mvn verify runs them so)");
        }
        Path dir = Path.of(server.substring("unix:".length())).getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Pulse pulse = new Pulse(dir);
        pulse.script("stop");
        String[] args = new String[DEVICES.size() + 2];
        args[0] = "start";
        args[1] = dir.toString();
        for (int i = 0; i < DEVICES.size(); i++) {
            args[i + 2] = DEVICES.get(i);
        }
        Scripts.run("pulse.sh", new String[0], args);
        return pulse;
    }

    /** Plugs in a device ({@code mic:NAME:HZ} or {@code speaker:NAME}). */
    public void add(String spec) {
        script("add", spec);
    }

    /** Unplugs the device called {@code name}. */
    public void remove(String name) {
        script("remove", name);
    }

    /** Starts recording what {@code speaker} plays. */
    public Recording record(String speaker) {
        return recordSource(speaker + ".monitor");
    }

    /** Starts recording the microphone {@code name} itself: what it says, before any call. */
    public Recording recordMicrophone(String name) {
        return recordSource(name);
    }

    /** Silences the tone of microphone {@code name}, or lets it sound again: a burst starts when it does. */
    public void muteTone(String name, boolean muted) {
        script("tone", name, muted ? "off" : "on");
    }

    private Recording recordSource(String source) {
        ProcessBuilder builder = new ProcessBuilder("parec", "-d", source, "--format=s16le",
                "--rate=" + RATE, "--channels=1", "--raw", "--latency-msec=10");
        builder.environment().putAll(Map.of("PULSE_SERVER", "unix:" + dir.resolve("native")));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Recording recording = new Recording(source, builder.start());
            recording.awaitLive();
            return recording;
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot run parec (pulseaudio-utils): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        script("stop");
    }

    private void script(String command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = command;
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        Scripts.run("pulse.sh", new String[0], all);
    }

    /** What a speaker played, kept for the last ten seconds. */
    public static final class Recording implements AutoCloseable {
        private static final int CAPACITY = RATE * 10;

        private final String name;
        private final Process parec;
        private final short[] ring = new short[CAPACITY];
        private final long[] arrivals = new long[CAPACITY / 480 + 1];
        private long written;

        Recording(String speaker, Process parec) {
            this.name = speaker;
            this.parec = parec;
            Thread reader = new Thread(this::read, "pulse-record-" + speaker);
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * Waits until the sound arrives as it plays: an idle null sink works in blocks of up to
         * 2 s and hands a new recorder its first block late and all at once; after that, 10 ms
         * at a time.
         */
        void awaitLive() {
            long deadline = System.nanoTime() + 5_000_000_000L;
            int steady = 0;
            long before = written();
            while (System.nanoTime() < deadline && steady < 10) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long now = written();
                long grown = now - before;
                steady = grown > 0 && grown <= RATE / 10 ? steady + 1 : 0;
                before = now;
            }
            if (steady < 10) {
                throw new IllegalStateException("the recording of " + name + " did not become steady within 5 s");
            }
        }

        /** The last {@code span} of sound (less when less was recorded yet). */
        public synchronized short[] last(Duration span) {
            int count = (int) Math.min(Math.min(written, CAPACITY), span.toMillis() * RATE / 1000);
            short[] samples = new short[count];
            for (int i = 0; i < count; i++) {
                samples[i] = ring[(int) ((written - count + i) % CAPACITY)];
            }
            return samples;
        }

        /**
         * When sample {@code index} (counted from the start) was heard, in {@link System#nanoTime}:
         * the arrival of its 10 ms block, less its place in the block.
         */
        public synchronized long heardAt(long index) {
            return arrivals[(int) ((index / 480) % arrivals.length)] + (index % 480) * 1_000_000_000L / RATE;
        }

        /**
         * The first sample at or after {@code from} whose 10 ms around it are louder than
         * {@code thresholdDb} (RMS, dBFS), or -1.
         */
        public synchronized long onsetAfter(long from, double thresholdDb) {
            long start = Math.max(from, written - CAPACITY + 1);
            double threshold = 32768 * Math.pow(10, thresholdDb / 20);
            for (long i = start; i + 480 <= written; i += 48) {
                double sum = 0;
                for (long j = i; j < i + 480; j++) {
                    double v = ring[(int) (j % CAPACITY)];
                    sum += v * v;
                }
                if (Math.sqrt(sum / 480) > threshold) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The first sample at or after {@code from} from which {@code span} of sound stays below
         * {@code thresholdDb} (RMS of each 10 ms, dBFS), or -1.
         */
        public synchronized long silenceAfter(long from, double thresholdDb, Duration span) {
            long start = Math.max(from, written - CAPACITY + 1);
            double threshold = 32768 * Math.pow(10, thresholdDb / 20);
            long needed = span.toMillis() * RATE / 1000;
            long quietSince = -1;
            for (long i = start; i + 480 <= written; i += 48) {
                double sum = 0;
                for (long j = i; j < i + 480; j++) {
                    double v = ring[(int) (j % CAPACITY)];
                    sum += v * v;
                }
                if (Math.sqrt(sum / 480) < threshold) {
                    if (quietSince < 0) {
                        quietSince = i;
                    }
                    if (i + 480 - quietSince >= needed) {
                        return quietSince;
                    }
                } else {
                    quietSince = -1;
                }
            }
            return -1;
        }

        /** Samples recorded so far. */
        public synchronized long written() {
            return written;
        }

        private void read() {
            byte[] buffer = new byte[960];
            try (InputStream in = parec.getInputStream()) {
                int carry = -1;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (this) {
                        arrivals[(int) ((written / 480) % arrivals.length)] = System.nanoTime();
                        int i = 0;
                        if (carry >= 0) {
                            ring[(int) (written++ % CAPACITY)] = (short) (carry | (buffer[0] << 8));
                            i = 1;
                            carry = -1;
                        }
                        for (; i + 1 < n; i += 2) {
                            ring[(int) (written++ % CAPACITY)] = (short) ((buffer[i] & 0xff) | (buffer[i + 1] << 8));
                        }
                        if (i < n) {
                            carry = buffer[i] & 0xff;
                        }
                    }
                }
            } catch (IOException e) {
                // parec ended: the recording is over
            }
        }

        @Override
        public void close() {
            parec.destroy();
        }
    }
}
