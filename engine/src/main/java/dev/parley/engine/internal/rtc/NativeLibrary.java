package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.parley.engine.MediaException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;

/**
 * Not API. Loads webrtc-java's native library once, turning a failure into a {@link MediaException}
 * that says what to install, and routes libwebrtc's own log into SLF4J ({@code NativeLog}).
 *
 * <p>Threading: thread safe.
 */
public final class NativeLibrary {

    /**
     * The webrtc-java versions whose native objects Parley reaches through their vtables
     * ({@code ClosedPeerConnections}, {@code AudioModuleControl}): the layouts were checked
     * against these builds.
     */
    static final Set<String> VTABLE_CHECKED_VERSIONS = Set.of("0.14.0", "0.15.0");

    private static volatile boolean loaded;

    private NativeLibrary() {
    }

    /** Loads the library if it is not loaded yet. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (NativeLibrary.class) {
            if (loaded) {
                return;
            }
            try {
                // The class's static initialiser extracts and loads the JNI library.
                Class.forName(PeerConnectionFactory.class.getName(), true, NativeLibrary.class.getClassLoader());
                NativeLog.install();
                loaded = true;
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                throw new MediaException("the WebRTC native library could not be loaded: check that the "
                        + "webrtc-java jar for this platform is on the class path and, on Linux, that libpulse0 "
                        + "is installed (apt-get install libpulse0)", e);
            }
        }
    }

    /** The webrtc-java version on the class path, from its Maven metadata, or "unknown". */
    static String webrtcJavaVersion() {
        try (InputStream in = PeerConnectionFactory.class.getResourceAsStream(
                "/META-INF/maven/dev.onvoid.webrtc/webrtc-java/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
