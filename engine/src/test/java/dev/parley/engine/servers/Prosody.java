package dev.parley.engine.servers;

import dev.parley.engine.xmpp.XmppSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A real Prosody on loopback, started and stopped through {@code src/servers/prosody.sh}: c2s
 * with STARTTLS required (a self-signed certificate made for {@link #DOMAIN}) and XMPP over
 * WebSocket. Users are registered on first use with {@link #user}.
 */
public final class Prosody implements AutoCloseable {

    public static final String DOMAIN = "chat.parley.test";
    public static final long APP_ID = 1;

    private final Path dir;
    private final int c2sPort;
    private final int httpPort;
    private final boolean tls;
    private final String host;
    private final Set<Long> registered = new HashSet<>();
    private boolean running;

    private Prosody(Path dir, int c2sPort, int httpPort, boolean tls, String host) {
        this.dir = dir;
        this.c2sPort = c2sPort;
        this.httpPort = httpPort;
        this.tls = tls;
        this.host = host;
    }

    /** Starts a new server on free loopback ports. */
    public static Prosody start() {
        return start(true, "127.0.0.1");
    }

    /** Starts a server that offers no TLS at all, to test that clients refuse it. */
    public static Prosody startWithoutTls() {
        return start(false, "127.0.0.1");
    }

    /**
     * Starts a server that listens on {@code host} besides loopback, for clients in other
     * network namespaces (the gateway of {@link NetworkNamespace}); {@link #user} then points
     * clients at {@code host}.
     */
    public static Prosody startOn(String host) {
        return start(true, host);
    }

    private static Prosody start(boolean tls, String host) {
        try {
            Prosody server = new Prosody(Files.createTempDirectory("parley-prosody-"), freePort(), freePort(), tls, host);
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot prepare a Prosody directory: " + e.getMessage(), e);
        }
    }

    /** Starts this server again on the same ports and accounts, after {@link #stop()}. */
    public synchronized void startAgain() {
        Scripts.run("prosody.sh", env(), "start", dir.toString());
        running = true;
    }

    /** Stops the server process; accounts stay for {@link #startAgain()}. */
    public synchronized void stop() {
        if (running) {
            Scripts.run("prosody.sh", env(), "stop", dir.toString());
            running = false;
        }
    }

    /** Kills the server process without warning (SIGKILL); accounts stay for {@link #startAgain()}. */
    public synchronized void kill() {
        if (running) {
            Scripts.run("prosody.sh", env(), "kill", dir.toString());
            running = false;
        }
    }

    /** Registers {@code userId} (as {@code userId-1}) with password {@link #password} unless done before. */
    public synchronized XmppSettings.Builder user(long userId) {
        if (registered.add(userId)) {
            Scripts.run("prosody.sh", env(), "register", dir.toString(), userId + "-" + APP_ID, password(userId));
        }
        return XmppSettings.builder().host(host).port(c2sPort).domain(DOMAIN).appId(APP_ID)
                .userId(userId).password(password(userId)).trustCertificate(certificate());
    }

    /** The test password of {@code userId}. */
    public static String password(long userId) {
        return "pw-" + userId + "-secret";
    }

    public int c2sPort() {
        return c2sPort;
    }

    /** Where clients connect for XMPP, as {@code host:port}. */
    public String c2sEndpoint() {
        return host + ":" + c2sPort;
    }

    /** The address clients connect to: loopback, or the host given to {@link #startOn}. */
    public String host() {
        return host;
    }

    /** The XMPP-over-WebSocket address for browsers. */
    public String websocketUrl() {
        return "ws://" + host + ":" + httpPort + "/xmpp-websocket";
    }

    /** The server's self-signed certificate, PEM. */
    public Path certificate() {
        return dir.resolve("cert.pem");
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stop();
        Scripts.deleteDirectory(dir);
    }

    private String[] env() {
        return new String[] {"PARLEY_XMPP_DOMAIN=" + DOMAIN, "PARLEY_C2S_PORT=" + c2sPort,
            "PARLEY_HTTP_PORT=" + httpPort, "PARLEY_XMPP_TLS=" + (tls ? "on" : "off"),
            "PARLEY_XMPP_INTERFACES=" + (host.equals("127.0.0.1") ? host : "127.0.0.1 " + host)};
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
