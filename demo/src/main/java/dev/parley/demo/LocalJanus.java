package dev.parley.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Janus of the demo's own, for trying rooms without a server: started through the project's
 * {@code src/servers/janus.sh} (room 1234, loopback only) when the demo runs from a checkout
 * and Janus is installed, stopped when the demo exits. Elsewhere (the installed package) it is
 * not available and the room dialog explains how to get one.
 *
 * <p>Threading: {@link #start} blocks (a second or two): call it off the EDT.
 */
final class LocalJanus {

    /** The room the script makes. */
    static final String ROOM = "1234";

    /** The script: in the working directory's checkout (or its parent's, from a module's folder). */
    private static final Path SCRIPT = findScript();
    private static volatile LocalJanus running;

    private final Path dir;
    private final URI url;

    private LocalJanus(Path dir, URI url) {
        this.dir = dir;
        this.url = url;
    }

    private static Path findScript() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir : new Path[] {here, here.getParent()}) {
            Path script = dir == null ? null : dir.resolve(Path.of("src", "servers", "janus.sh"));
            if (script != null && Files.isRegularFile(script)) {
                return script;
            }
        }
        return null;
    }

    /** Whether a local Janus can be started here: the script in a checkout and janus installed. */
    static boolean available() {
        return SCRIPT != null && (Files.isExecutable(Path.of("/usr/bin/janus"))
                || Files.isExecutable(Path.of("/usr/local/bin/janus")));
    }

    /** The running local Janus's address, starting it first if needed. */
    static synchronized URI start() throws IOException {
        if (running != null) {
            return running.url;
        }
        if (!available()) {
            throw new IOException("no local Janus here: run the demo from a Parley checkout with Janus installed");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("parley-demo-janus-");
        LocalJanus janus = new LocalJanus(dir, URI.create("ws://127.0.0.1:" + port));
        janus.run("start", port);
        running = janus;
        Runtime.getRuntime().addShutdownHook(new Thread(janus::stopQuietly, "demo-janus-stop"));
        return janus.url;
    }

    private void run(String command, int port) throws IOException {
        ProcessBuilder script = new ProcessBuilder("bash", SCRIPT.toString(), command, dir.toString())
                .redirectErrorStream(true);
        script.environment().put("PARLEY_JANUS_PORT", Integer.toString(port));
        script.environment().put("PARLEY_JANUS_ROOM", ROOM);
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("janus.sh " + command + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting Janus", e);
        }
    }

    private void stopQuietly() {
        try {
            run("stop", url.getPort());
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        } catch (IOException e) {
            System.err.println("parley demo: stopping the local Janus: " + e.getMessage());
        }
    }
}
