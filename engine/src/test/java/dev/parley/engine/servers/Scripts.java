package dev.parley.engine.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the project's server scripts under {@code src/servers}. */
final class Scripts {

    private Scripts() {
    }

    /** The project root: the first directory with src/servers from the one Maven names, or the working one, upwards. */
    static Path projectRoot() {
        String root = System.getProperty("parley.projectRoot");
        Path start = (root != null ? Path.of(root) : Path.of("")).toAbsolutePath();
        for (Path path = start; path != null; path = path.getParent()) {
            if (Files.isDirectory(path.resolve("src/servers"))) {
                return path;
            }
        }
        throw new ServerUnavailableException("cannot find src/servers in " + start + " or above; set -Dparley.projectRoot");
    }

    /** Deletes a server's directory (config, certificate, accounts, logs); best effort. */
    static void deleteDirectory(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Runs {@code src/servers/script args}; returns its output or throws with it. */
    static String run(String script, String[] env, String... args) {
        return runFile("src/servers/" + script, env, args);
    }

    /** Runs the script at {@code path} (relative to the project root) with {@code args}. */
    static String runFile(String path, String[] env, String... args) {
        String script = path;
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(projectRoot().resolve(path).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        for (String pair : env) {
            int eq = pair.indexOf('=');
            builder.environment().put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            // A file, not a pipe: a server the script leaves running must not hold our reader open.
            Path log = Files.createTempFile("parley-script-", ".log");
            builder.redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ServerUnavailableException(script + " " + String.join(" ", args) + " did not finish in 120 s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new ServerUnavailableException(script + " " + String.join(" ", args) + " failed: " + output.trim());
            }
            return output;
        } catch (IOException e) {
            throw new ServerUnavailableException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted while running " + script, e);
        }
    }
}
