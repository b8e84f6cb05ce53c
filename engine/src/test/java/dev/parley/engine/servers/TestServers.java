package dev.parley.engine.servers;

import org.junit.jupiter.api.Assumptions;

/**
 * The servers the integration tests share, one of each per test JVM, started on first use
 * and stopped when the JVM exits. Where a server cannot start, a test fails when {@code CI}
 * is {@code true} (CI installs everything, so a missing server is a defect) and is skipped
 * with the reason otherwise.
 */
public final class TestServers {

    private static final Shared<Prosody> PROSODY = new Shared<>("Prosody", Prosody::start);
    private static final Shared<Coturn> COTURN = new Shared<>("coturn", Coturn::start);
    private static final Shared<Janus> JANUS = new Shared<>("Janus", Janus::start);
    private static final Shared<Pulse> PULSE = new Shared<>("PulseAudio with test devices", Pulse::start);
    private static final Shared<QuickBloxBrowser> BROWSER =
            new Shared<>("Chromium with the QuickBlox JS SDK", QuickBloxBrowser::start);

    private TestServers() {
    }

    /** The shared Prosody. */
    public static Prosody prosody() {
        return PROSODY.get();
    }

    /** The shared coturn. */
    public static Coturn coturn() {
        return COTURN.get();
    }

    /** The shared Janus. */
    public static Janus janus() {
        return JANUS.get();
    }

    /** The shared PulseAudio with the test microphones and speakers. */
    public static Pulse pulse() {
        return PULSE.get();
    }

    /** The shared browser running the QuickBlox JS SDK. */
    public static QuickBloxBrowser browser() {
        return BROWSER.get();
    }

    /** One server started on first use and stopped at JVM exit; a failed start is remembered, not retried. */
    private static final class Shared<T extends AutoCloseable> {
        private final String name;
        private final java.util.function.Supplier<T> starter;
        private T server;
        private ServerUnavailableException failure;

        Shared(String name, java.util.function.Supplier<T> starter) {
            this.name = name;
            this.starter = starter;
        }

        synchronized T get() {
            if (server == null && failure == null) {
                try {
                    server = starter.get();
                    T started = server;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            started.close();
                        } catch (Exception e) {
                            System.err.println("could not stop " + name + ": " + e);
                        }
                    }, "parley-test-server-stop"));
                } catch (ServerUnavailableException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                unavailable(name, failure);
            }
            return server;
        }
    }

    /** Fails on CI, skips elsewhere, naming what is missing. */
    public static void unavailable(String what, RuntimeException failure) {
        if (isCi()) {
            throw new AssertionError(what + " is required on CI but could not start: " + failure.getMessage(), failure);
        }
        Assumptions.abort(what + " is not available here (" + failure.getMessage()
                + "); run src/scripts/install-deps.sh, or the README's test command");
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
