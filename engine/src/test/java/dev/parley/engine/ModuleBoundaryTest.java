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

/**
 * The architecture (README, "Architecture"), checked on the sources of all three modules: who
 * may see webrtc-java, Smack, Swing and the engine's internals, and that every package says
 * whether it is API.
 *
 * <p>Why a test and not JPMS: Smack 4.4 and its jxmpp and MiniDNS jars have neither a
 * module-info nor an Automatic-Module-Name, so a {@code module-info.java} of Parley's would have
 * to require module names made up from their file names, which Maven itself says must never be
 * published. What the module descriptors would enforce for users (only API packages exported),
 * this test enforces for Parley's own modules, and the package javadoc tells users.
 */
class ModuleBoundaryTest {

    private static final Path ROOT = projectRoot();
    private static final Path ENGINE = ROOT.resolve("engine/src/main/java/dev/parley/engine");

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
    void onlyTheRtcPackageUsesWebrtcJava() {
        assertThat(importing(ROOT.resolve("engine/src/main/java"), "dev\\.onvoid|com\\.sun\\.jna"))
                .isNotEmpty()
                .allMatch(file -> file.contains("/dev/parley/engine/internal/rtc/"));
    }

    @Test
    void onlyTheJanusProtocolUsesJackson() {
        assertThat(importing(ROOT.resolve("engine/src/main/java"), "com\\.fasterxml"))
                .isNotEmpty()
                .allMatch(file -> file.contains("/dev/parley/engine/conference/internal/"));
    }

    @Test
    void theCallLogicHoldsNoNativeAndNoMediaLayerCode() {
        assertThat(importing(ENGINE.resolve("internal/call"), "dev\\.onvoid|dev\\.parley\\.engine\\.internal\\.rtc"))
                .isEmpty();
    }

    @Test
    void componentsAndDemoSeeOnlyParleyTypes() {
        for (String module : List.of("components", "demo")) {
            assertThat(importing(ROOT.resolve(module + "/src"), "dev\\.onvoid|org\\.jivesoftware|org\\.jxmpp"))
                    .as(module).isEmpty();
        }
    }

    @Test
    void componentsAndDemoUseOnlyTheEnginesApi() {
        for (String module : List.of("components", "demo")) {
            assertThat(importing(ROOT.resolve(module + "/src"), "dev\\.parley\\.engine\\.internal")).as(module).isEmpty();
        }
    }

    @Test
    void everyPackageSaysWhetherItIsApi() throws IOException {
        for (String module : List.of("engine", "components", "demo")) {
            try (Stream<Path> dirs = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path dir : dirs.filter(Files::isDirectory).filter(ModuleBoundaryTest::holdsJava).toList()) {
                    Path info = dir.resolve("package-info.java");
                    assertThat(info).as("package-info of " + dir).exists();
                    assertThat(read(info)).as(info.toString()).containsPattern("\\* (API|Not API|The demo application)");
                }
            }
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

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"));
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
