package dev.parley.engine.servers;

import dev.parley.engine.IceServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real coturn on loopback, started and stopped through {@code src/servers/coturn.sh}. */
public final class Coturn implements AutoCloseable {

    public static final String USER = "parley";
    public static final String PASSWORD = "parley-secret";

    private final Path dir;
    private final int port;

    private Coturn(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a new server on a free loopback port. */
    public static Coturn start() {
        try {
            Coturn server = new Coturn(Files.createTempDirectory("parley-coturn-"), Prosody.freePort());
            Scripts.run("coturn.sh", server.env(), "start", server.dir.toString());
            return server;
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot prepare a coturn directory: " + e.getMessage(), e);
        }
    }

    /** The TURN server with its credentials, for {@code CallConfig.Builder.iceServer}. */
    public IceServer iceServer() {
        return IceServer.turn("turn:127.0.0.1:" + port + "?transport=udp", USER, PASSWORD);
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        Scripts.run("coturn.sh", env(), "stop", dir.toString());
        Scripts.deleteDirectory(dir);
    }

    private String[] env() {
        return new String[] {"PARLEY_TURN_PORT=" + port, "PARLEY_TURN_USER=" + USER, "PARLEY_TURN_PASSWORD=" + PASSWORD};
    }
}
