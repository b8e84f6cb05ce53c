package dev.parley.engine.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private Janus(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a new server on a free loopback port. */
    public static Janus start() {
        try {
            Janus server = new Janus(Files.createTempDirectory("parley-janus-"), Prosody.freePort());
            Scripts.run("janus.sh", server.env(), "start", server.dir.toString());
            return server;
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot prepare a Janus directory: " + e.getMessage(), e);
        }
    }

    /** Its WebSocket address. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        Scripts.run("janus.sh", env(), "stop", dir.toString());
        Scripts.deleteDirectory(dir);
    }

    private String[] env() {
        return new String[] {"PARLEY_JANUS_PORT=" + port, "PARLEY_JANUS_ROOM=" + ROOM,
            "PARLEY_JANUS_SESSION_TIMEOUT=" + SESSION_TIMEOUT_SECONDS};
    }
}
