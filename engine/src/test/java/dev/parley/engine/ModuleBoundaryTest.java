package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module boundaries (README, "Architecture"), checked on the sources of all three modules. */
class ModuleBoundaryTest {

    private static final Path ROOT = projectRoot();

    @Test
    void engineNeverUsesSwing() {
        assertThat(importing(ROOT.resolve("engine/src/main/java"), "javax\\.swing")).isEmpty();
    }

    @Test
    void onlyTheXmppPackageUsesSmack() {
        assertThat(importing(ROOT.resolve("engine/src/main/java"), "org\\.(jivesoftware|jxmpp)"))
                .allMatch(file -> file.contains("/dev/parley/engine/xmpp/"));
    }

    @Test
    void componentsAndDemoSeeOnlyParleyTypes() {
        for (String module : List.of("components", "demo")) {
            assertThat(importing(ROOT.resolve(module + "/src"), "dev\\.onvoid|org\\.jivesoftware|org\\.jxmpp"))
                    .as(module).isEmpty();
        }
    }

    /** Java files under {@code dir} with an import of a package matching {@code packageRegex}. */
    private static List<String> importing(Path dir, String packageRegex) {
        Pattern imports = Pattern.compile("^import\\s+(static\\s+)?(" + packageRegex + ")\\.", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> imports.matcher(read(p)).find())
                    .map(Path::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("engine")) && Files.isDirectory(p.resolve("components"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root above " + Path.of("").toAbsolutePath());
    }
}
