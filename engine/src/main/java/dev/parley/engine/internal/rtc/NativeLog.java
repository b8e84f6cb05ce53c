package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.logging.Logging;
import dev.parley.engine.internal.LogThrottle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Hands libwebrtc's own log lines to SLF4J, under the logger name {@code webrtc}:
 * native warnings and errors at WARN and ERROR, and, only when that logger has DEBUG (or TRACE)
 * enabled, native info (and verbose) lines too. The level is read once, when the library loads;
 * libwebrtc formats nothing below the severity asked for, so a quiet logger costs nothing.
 *
 * <p>Some native warnings repeat for as long as a call lasts (the echo canceller of the
 * headless audio device warns every 0.6 s), so warnings and errors are throttled per source
 * line of libwebrtc ({@code (file.cc:123)}): 5 a minute each, then one line counts the rest.
 *
 * <p>Threading: the sink runs on libwebrtc's threads; SLF4J loggers are thread safe.
 */
final class NativeLog {

    private static final Logger log = LoggerFactory.getLogger("webrtc");
    private static final int MAX_SOURCES = 512;
    private static final Map<String, LogThrottle> THROTTLES = new ConcurrentHashMap<>();

    private NativeLog() {
    }

    static void install() {
        Logging.Severity severity = log.isTraceEnabled() ? Logging.Severity.VERBOSE
                : log.isDebugEnabled() ? Logging.Severity.INFO : Logging.Severity.WARNING;
        Logging.addLogSink(severity, (level, message) -> {
            String line = message.strip();
            switch (level) {
                case ERROR -> throttleFor(line).error("{}", line);
                case WARNING -> throttleFor(line).warn("{}", line);
                case INFO -> log.debug(line);
                default -> log.trace(line);
            }
        });
    }

    /** The throttle of the native source line a message names, like {@code (block_processor.cc:142)}. */
    private static LogThrottle throttleFor(String line) {
        int end = line.indexOf("):");
        String source = line.startsWith("(") && end > 0 ? line.substring(0, end + 1) : "";
        if (THROTTLES.size() >= MAX_SOURCES && !THROTTLES.containsKey(source)) {
            source = "";
        }
        return THROTTLES.computeIfAbsent(source, s -> new LogThrottle(log, java.time.Duration.ofMinutes(1), 5));
    }
}
