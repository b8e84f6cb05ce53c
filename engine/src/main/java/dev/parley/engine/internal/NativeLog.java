package dev.parley.engine.internal;

import dev.onvoid.webrtc.logging.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Hands libwebrtc's own log lines to SLF4J, under the logger name {@code webrtc}:
 * native warnings and errors at WARN and ERROR, and, only when that logger has DEBUG (or TRACE)
 * enabled, native info (and verbose) lines too. The level is read once, when the library loads;
 * libwebrtc formats nothing below the severity asked for, so a quiet logger costs nothing.
 *
 * <p>Threading: the sink runs on libwebrtc's threads; SLF4J loggers are thread safe.
 */
final class NativeLog {

    private static final Logger log = LoggerFactory.getLogger("webrtc");

    private NativeLog() {
    }

    static void install() {
        Logging.Severity severity = log.isTraceEnabled() ? Logging.Severity.VERBOSE
                : log.isDebugEnabled() ? Logging.Severity.INFO : Logging.Severity.WARNING;
        Logging.addLogSink(severity, (level, message) -> {
            String line = message.strip();
            switch (level) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                case INFO -> log.debug(line);
                default -> log.trace(line);
            }
        });
    }
}
