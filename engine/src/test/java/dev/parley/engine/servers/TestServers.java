package dev.parley.engine.servers;

import org.junit.jupiter.api.Assumptions;

/**
 * The servers the integration tests share, one of each per test JVM, started on first use
 * and stopped when the JVM exits. Where a server cannot start, a test fails when {@code CI}
 * is {@code true} (CI installs everything, so a missing server is a defect) and is skipped
 * with the reason otherwise.
 */
public final class TestServers {

    private static Prosody prosody;
    private static ServerUnavailableException prosodyFailure;

    private static Coturn coturn;
    private static ServerUnavailableException coturnFailure;
    private static QuickBloxBrowser browser;
    private static ServerUnavailableException browserFailure;

    private TestServers() {
    }

    /** The shared coturn. */
    public static synchronized Coturn coturn() {
        if (coturn == null && coturnFailure == null) {
            try {
                coturn = Coturn.start();
                Coturn started = coturn;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "parley-coturn-stop"));
            } catch (ServerUnavailableException e) {
                coturnFailure = e;
            }
        }
        if (coturnFailure != null) {
            unavailable("coturn", coturnFailure);
        }
        return coturn;
    }

    /** The shared browser running the QuickBlox JS SDK. */
    public static synchronized QuickBloxBrowser browser() {
        if (browser == null && browserFailure == null) {
            try {
                browser = QuickBloxBrowser.start();
                QuickBloxBrowser started = browser;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "parley-browser-stop"));
            } catch (ServerUnavailableException e) {
                browserFailure = e;
            }
        }
        if (browserFailure != null) {
            unavailable("Chromium with the QuickBlox JS SDK", browserFailure);
        }
        return browser;
    }

    /** The shared Prosody. */
    public static synchronized Prosody prosody() {
        if (prosody == null && prosodyFailure == null) {
            try {
                prosody = Prosody.start();
                Prosody started = prosody;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "parley-prosody-stop"));
            } catch (ServerUnavailableException e) {
                prosodyFailure = e;
            }
        }
        if (prosodyFailure != null) {
            unavailable("Prosody", prosodyFailure);
        }
        return prosody;
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
