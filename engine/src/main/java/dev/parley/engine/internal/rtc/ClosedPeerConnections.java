package dev.parley.engine.internal.rtc;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.onvoid.webrtc.RTCPeerConnection;
import java.lang.reflect.Field;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Frees the native peer connection that webrtc-java leaks on close: its
 * {@code RTCPeerConnection.close()} closes the connection and forgets the pointer without
 * dropping the reference it took at creation (upstream issue #239, fixed by PR #283 after
 * 0.15.0), so every call left its whole native peer connection behind, about 300 KB.
 *
 * <p>How: before {@code close()} the native pointer is read from the wrapper; after it, the
 * reference is dropped by calling {@code Release()} through the object's vtable with JNA.
 * libwebrtc's {@code RefCountInterface} declares {@code AddRef()} then {@code Release()} first,
 * and a {@code PeerConnectionInterface} starts with it, so {@code Release} is the second
 * vtable slot on every ABI webrtc-java is built for. This runs only for the webrtc-java
 * versions known to leak (a fixed release would otherwise be released twice), only when the
 * pointer can be read, and can be switched off with {@code -Dparley.releaseClosedPeerConnections=false}.
 *
 * <p>Threading: call on the engine thread, like everything native.
 */
final class ClosedPeerConnections {

    private static final Logger log = LoggerFactory.getLogger(ClosedPeerConnections.class);
    private static final Set<String> LEAKING_VERSIONS = NativeLibrary.VTABLE_CHECKED_VERSIONS;
    private static final int DROPPED_LAST_REFERENCE = 0;
    private static final Field HANDLE = handleField();

    private ClosedPeerConnections() {
    }

    /** Closes {@code connection} and frees what webrtc-java would leak of it. */
    static void close(RTCPeerConnection connection) {
        long pointer = pointerOf(connection);
        connection.close();
        if (pointer == 0) {
            return;
        }
        Pointer peerConnection = new Pointer(pointer);
        Pointer release = peerConnection.getPointer(0).getPointer(Native.POINTER_SIZE);
        int status = Function.getFunction(release).invokeInt(new Object[] {peerConnection});
        if (status != DROPPED_LAST_REFERENCE) {
            log.debug("a closed peer connection is still referenced elsewhere; it goes when that reference does");
        }
    }

    private static long pointerOf(RTCPeerConnection connection) {
        if (HANDLE == null) {
            return 0;
        }
        try {
            return HANDLE.getLong(connection);
        } catch (IllegalAccessException e) {
            return 0;
        }
    }

    /** The wrapper's pointer field, or null when this release must not or cannot be done. */
    private static Field handleField() {
        if (!Boolean.parseBoolean(System.getProperty("parley.releaseClosedPeerConnections", "true"))) {
            return null;
        }
        String version = NativeLibrary.webrtcJavaVersion();
        if (!LEAKING_VERSIONS.contains(version)) {
            log.debug("webrtc-java {} is not known to leak closed peer connections; leaving them to it", version);
            return null;
        }
        try {
            NativeLibrary.load();
            if (Native.POINTER_SIZE != Long.BYTES) { // loads JNA's own native part, or fails here
                return null;
            }
            Field field = Class.forName("dev.onvoid.webrtc.internal.NativeObject").getDeclaredField("nativeHandle");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.warn("cannot free closed peer connections that webrtc-java {} leaks (about 300 KB per call): {}",
                    version, e.toString());
            return null;
        }
    }
}
