package dev.parley.engine.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real Janus (Debian's janus 1.1, video room plugin, WebSocket transport) on loopback,
 * started and stopped through {@code src/servers/janus.sh}, with the room {@link #ROOM} and a
 * short session timeout ({@link #SESSION_TIMEOUT_SECONDS} s) so that tests see keep-alives matter.
 */
public final class Janus implements AutoCloseable {

    /** The video room the script creates. */
    public static final long ROOM = 1234;
    /** How long Janus keeps a session without a keep-alive. */
    public static final int SESSION_TIMEOUT_SECONDS = 6;

    private final Path dir;
    private final int port;
    private final String tokenSecret;
    private final String rtpPorts;

    private Janus(Path dir, int port, String tokenSecret, String rtpPorts) {
        this.dir = dir;
        this.port = port;
        this.tokenSecret = tokenSecret;
        this.rtpPorts = rtpPorts;
    }

    /** Starts a new server on a free loopback port. */
    public static Janus start() {
        return start(null);
    }

    /**
     * Starts a new server on a free loopback port that, when {@code tokenSecret} is not null,
     * takes only requests with a token signed with it ({@link #token}).
     */
    public static Janus start(String tokenSecret) {
        return start(tokenSecret, "20000-20999");
    }

    /** Starts a new server whose media uses the UDP ports {@code rtpPorts} ({@code FROM-TO}), so that a test can cut them. */
    public static Janus withRtpPorts(String rtpPorts) {
        return start(null, rtpPorts);
    }

    private static Janus start(String tokenSecret, String rtpPorts) {
        try {
            Janus server = new Janus(Files.createTempDirectory("parley-janus-"), Prosody.freePort(), tokenSecret,
                    rtpPorts);
            Scripts.run("janus.sh", server.env(), "start", server.dir.toString());
            return server;
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot prepare a Janus directory: " + e.getMessage(), e);
        }
    }

    /** Stops the server (every session and room member gone) and starts it again on the same port. */
    public void restart() {
        stop();
        Scripts.run("janus.sh", env(), "start", dir.toString());
    }

    /** Drops this server's media (UDP on its RTP ports) until {@link #healMedia()}; its WebSocket stays up. */
    public void cutMedia() {
        Scripts.runFile("src/faults/netns.sh", new String[0], "cut-udp", rtpPorts);
    }

    /** Lets the media through again. */
    public void healMedia() {
        Scripts.runFile("src/faults/netns.sh", new String[0], "heal-udp");
    }

    /** Stops the server, keeping its directory ({@link #close()} deletes it); nothing when stopped. */
    public void stop() {
        Scripts.run("janus.sh", env(), "stop", dir.toString());
    }

    /**
     * A token for the video room signed with {@code secret}, valid for an hour: Janus's
     * {@code token_auth_secret} format, {@code expiry,janus,plugin:base64(HMAC-SHA1(secret, expiry,janus,plugin))}.
     */
    public static String token(String secret) {
        String data = (System.currentTimeMillis() / 1000 + 3600) + ",janus,janus.plugin.videoroom";
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA1"));
            return data + ":" + Base64.getEncoder().encodeToString(
                    mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's process id (for CPU figures). */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("janus.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid of the Janus in " + dir, e);
        }
    }

    /** Its WebSocket address. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stop();
        Scripts.deleteDirectory(dir);
    }

    private String[] env() {
        return new String[] {"PARLEY_JANUS_PORT=" + port, "PARLEY_JANUS_ROOM=" + ROOM,
            "PARLEY_JANUS_SESSION_TIMEOUT=" + SESSION_TIMEOUT_SECONDS,
            "PARLEY_JANUS_TOKEN_SECRET=" + (tokenSecret == null ? "" : tokenSecret), "PARLEY_JANUS_RTP=" + rtpPorts};
    }
}
