package dev.parley.engine.internal.rtc;

import dev.parley.engine.LocalMediaStream;
import dev.parley.engine.internal.call.EngineThread;
import java.util.Objects;

/**
 * Not API. Lets the API's other packages (conferences) make a {@code LocalMediaStream}, whose
 * constructor only its own package sees: {@code LocalMediaStream} registers its maker here when
 * its class loads.
 *
 * <p>Threading: thread safe.
 */
public final class MediaBridge {

    /** Makes a stream over local media. */
    public interface Streams {
        LocalMediaStream create(LocalMedia media, EngineThread engine, String sessionId);
    }

    private static volatile Streams streams;

    private MediaBridge() {
    }

    /** Called once by {@code LocalMediaStream}'s class initialiser. */
    public static void register(Streams maker) {
        streams = Objects.requireNonNull(maker, "maker");
    }

    /** A {@code LocalMediaStream} over {@code media}. */
    public static LocalMediaStream localMediaStream(LocalMedia media, EngineThread engine, String sessionId) {
        if (streams == null) {
            try {
                Class.forName(LocalMediaStream.class.getName(), true, LocalMediaStream.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return streams.create(media, engine, sessionId);
    }
}
