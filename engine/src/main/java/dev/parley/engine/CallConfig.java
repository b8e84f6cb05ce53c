package dev.parley.engine;

import java.awt.EventQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Settings of a {@link CallClient}, as QuickBlox's {@code QBRTCConfig}: answer, dialing and
 * disconnect time intervals, ICE servers, the stats interval, where listener callbacks run.
 * Build one with {@link #builder()}; {@link #defaults()} has the QuickBlox defaults.
 *
 * <p>Threading: immutable.
 */
public final class CallConfig {

    /** Shortest answer time interval QuickBlox allows. */
    public static final Duration MIN_ANSWER_TIME = Duration.ofSeconds(10);
    /** Longest answer time interval QuickBlox allows. */
    public static final Duration MAX_ANSWER_TIME = Duration.ofSeconds(60);
    /** Shortest dialing time interval. */
    public static final Duration MIN_DIALING_TIME = Duration.ofSeconds(3);
    /** Shortest disconnect time interval. */
    public static final Duration MIN_DISCONNECT_TIME = Duration.ofSeconds(10);

    private static final CallConfig DEFAULTS = builder().build();

    private final Duration answerTimeInterval;
    private final Duration dialingTimeInterval;
    private final Duration disconnectTimeInterval;
    private final Duration iceRestartDelay;
    private final Duration statsReportInterval;
    private final List<IceServer> iceServers;
    private final Executor callbackExecutor;
    private final CallClock clock;
    private final AudioDeviceMode audioDeviceMode;
    private final boolean rejectWhenBusy;
    private final boolean relayOnly;
    private final int incomingLimit;

    private CallConfig(Builder b) {
        answerTimeInterval = b.answerTimeInterval;
        dialingTimeInterval = b.dialingTimeInterval;
        disconnectTimeInterval = b.disconnectTimeInterval;
        iceRestartDelay = b.iceRestartDelay;
        statsReportInterval = b.statsReportInterval;
        iceServers = List.copyOf(b.iceServers);
        callbackExecutor = b.callbackExecutor;
        clock = b.clock;
        audioDeviceMode = b.audioDeviceMode;
        rejectWhenBusy = b.rejectWhenBusy;
        relayOnly = b.relayOnly;
        incomingLimit = b.incomingLimit;
    }

    /** The QuickBlox defaults: answer 45 s, dialing 5 s, disconnect 30 s, no stats, callbacks on the EDT. */
    public static CallConfig defaults() {
        return DEFAULTS;
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** How long a call rings before the callee counts as not answering. */
    public Duration answerTimeInterval() {
        return answerTimeInterval;
    }

    /** How often the {@code call} signal is repeated while a call rings. */
    public Duration dialingTimeInterval() {
        return dialingTimeInterval;
    }

    /** How long a lost connection may take to come back before it is given up. */
    public Duration disconnectTimeInterval() {
        return disconnectTimeInterval;
    }

    /**
     * How long a lost connection waits for ICE to recover by itself before Parley restarts ICE
     * (an {@code update} offer with {@code reason=reconnect}); the disconnect time interval
     * still ends a connection that does not come back. Default 2 s.
     */
    public Duration iceRestartDelay() {
        return iceRestartDelay;
    }

    /** How often {@link CallListener#statsReportUpdated} is fired per user; zero means never. */
    public Duration statsReportInterval() {
        return statsReportInterval;
    }

    /** STUN and TURN servers; empty means host candidates only. */
    public List<IceServer> iceServers() {
        return iceServers;
    }

    /** Where listener callbacks run; by default the AWT event dispatch thread. */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** The clock for timers, if one was given; otherwise the client runs a real one. */
    public Optional<CallClock> clock() {
        return Optional.ofNullable(clock);
    }

    /** Which audio device module to use. */
    public AudioDeviceMode audioDeviceMode() {
        return audioDeviceMode;
    }

    /** Whether a new incoming call is rejected at once while another session is live. */
    public boolean rejectWhenBusy() {
        return rejectWhenBusy;
    }

    /**
     * How many unanswered incoming sessions may ring at once while another session is live;
     * one more is rejected as busy (QuickBlox's {@code incomingLimit}). Default 2.
     */
    public int incomingLimit() {
        return incomingLimit;
    }

    /** Whether media may only flow through a TURN relay (QuickBlox's {@code iceTransportPolicy: "relay"}). */
    public boolean relayOnly() {
        return relayOnly;
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.answerTimeInterval = answerTimeInterval;
        b.dialingTimeInterval = dialingTimeInterval;
        b.disconnectTimeInterval = disconnectTimeInterval;
        b.iceRestartDelay = iceRestartDelay;
        b.statsReportInterval = statsReportInterval;
        b.iceServers.addAll(iceServers);
        b.callbackExecutor = callbackExecutor;
        b.clock = clock;
        b.audioDeviceMode = audioDeviceMode;
        b.rejectWhenBusy = rejectWhenBusy;
        b.relayOnly = relayOnly;
        b.incomingLimit = incomingLimit;
        return b;
    }

    @Override
    public String toString() {
        return "CallConfig[answer " + answerTimeInterval.toSeconds() + " s, dialing "
                + dialingTimeInterval.toSeconds() + " s, disconnect " + disconnectTimeInterval.toSeconds()
                + " s, ICE restart after " + iceRestartDelay.toMillis() + " ms, stats " + statsReportInterval.toMillis()
                + " ms, ice " + iceServers
                + ", audio " + audioDeviceMode + (rejectWhenBusy ? ", rejects when busy" : "")
                + (relayOnly ? ", relay only" : "") + "]";
    }

    /**
     * Builds a {@link CallConfig}. Every setter validates its argument at once and throws
     * {@link IllegalArgumentException} with the accepted range.
     *
     * <p>Threading: not thread safe; build on one thread.
     */
    public static final class Builder {
        private Duration answerTimeInterval = Duration.ofSeconds(45);
        private Duration dialingTimeInterval = Duration.ofSeconds(5);
        private Duration disconnectTimeInterval = Duration.ofSeconds(30);
        private Duration iceRestartDelay = Duration.ofSeconds(2);
        private Duration statsReportInterval = Duration.ZERO;
        private final List<IceServer> iceServers = new ArrayList<>();
        private Executor callbackExecutor = EventQueue::invokeLater;
        private CallClock clock;
        private AudioDeviceMode audioDeviceMode = AudioDeviceMode.AUTO;
        private boolean rejectWhenBusy;
        private boolean relayOnly;
        private int incomingLimit = 2;

        private Builder() {
        }

        /** Ring time before {@code userDidNotRespond}: 10 to 60 seconds, default 45. */
        public Builder answerTimeInterval(Duration interval) {
            requireBetween("answerTimeInterval", interval, MIN_ANSWER_TIME, MAX_ANSWER_TIME);
            answerTimeInterval = interval;
            return this;
        }

        /** Repeat period of the {@code call} signal: at least 3 seconds, default 5. */
        public Builder dialingTimeInterval(Duration interval) {
            requireBetween("dialingTimeInterval", interval, MIN_DIALING_TIME, MAX_ANSWER_TIME);
            dialingTimeInterval = interval;
            return this;
        }

        /** Time a lost connection may take to return: at least 10 seconds, default 30. */
        public Builder disconnectTimeInterval(Duration interval) {
            requireBetween("disconnectTimeInterval", interval, MIN_DISCONNECT_TIME, Duration.ofHours(1));
            disconnectTimeInterval = interval;
            return this;
        }

        /**
         * How long a lost connection waits before ICE is restarted: 500 ms to 10 s, default 2 s
         * (the QuickBlox SDKs wait 5 s; either side may restart, so the two need not agree).
         */
        public Builder iceRestartDelay(Duration delay) {
            requireBetween("iceRestartDelay", delay, Duration.ofMillis(500), Duration.ofSeconds(10));
            iceRestartDelay = delay;
            return this;
        }

        /** Period of stats reports per user, at least 100 ms; {@link Duration#ZERO} turns them off (default). */
        public Builder statsReportInterval(Duration interval) {
            Objects.requireNonNull(interval, "statsReportInterval");
            if (!interval.isZero()) {
                requireBetween("statsReportInterval", interval, Duration.ofMillis(100), Duration.ofHours(1));
            }
            statsReportInterval = interval;
            return this;
        }

        /** Adds a STUN or TURN server. */
        public Builder iceServer(IceServer server) {
            iceServers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        /** Replaces the STUN and TURN servers. */
        public Builder iceServers(List<IceServer> servers) {
            iceServers.clear();
            servers.forEach(this::iceServer);
            return this;
        }

        /**
         * Where listener callbacks run. The default is the AWT event dispatch thread; a Swing
         * application keeps it. Callbacks of one client are handed to it one at a time, in order.
         */
        public Builder callbackExecutor(Executor executor) {
            callbackExecutor = Objects.requireNonNull(executor, "callbackExecutor");
            return this;
        }

        /** The clock for timers; for tests. The client does not close it. */
        public Builder clock(CallClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Which audio devices to use; {@link AudioDeviceMode#AUTO} by default. */
        public Builder audioDeviceMode(AudioDeviceMode mode) {
            audioDeviceMode = Objects.requireNonNull(mode, "audioDeviceMode");
            return this;
        }

        /**
         * When true, a new incoming call that arrives while another session is live is rejected
         * at once and never reaches the listener. When false (default) it is offered to the
         * application, which may reject it itself.
         */
        public Builder rejectWhenBusy(boolean reject) {
            rejectWhenBusy = reject;
            return this;
        }

        /**
         * Sends media only through the TURN servers among {@link #iceServer}s, never directly:
         * hides the users' addresses from each other and proves the relay works. Off by default.
         */
        public Builder relayOnly(boolean relay) {
            relayOnly = relay;
            return this;
        }

        /**
         * How many unanswered incoming sessions may ring at once while another session is live,
         * at least 1; a call beyond it is rejected as busy without asking the application.
         */
        public Builder incomingLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("incomingLimit must be at least 1, was " + limit);
            }
            incomingLimit = limit;
            return this;
        }

        /** The configuration. */
        public CallConfig build() {
            boolean hasTurn = iceServers.stream().flatMap(s -> s.urls().stream())
                    .anyMatch(url -> url.startsWith("turn:") || url.startsWith("turns:"));
            if (relayOnly && !hasTurn) {
                throw new IllegalStateException("relayOnly needs a TURN server (a turn: or turns: url) among the ICE"
                        + " servers, or no call could ever connect; ICE servers: " + iceServers);
            }
            return new CallConfig(this);
        }

        private static void requireBetween(String name, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " of " + describe(value) + " is out of range: use "
                        + describe(min) + " to " + describe(max));
            }
        }

        private static String describe(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
    }
}
