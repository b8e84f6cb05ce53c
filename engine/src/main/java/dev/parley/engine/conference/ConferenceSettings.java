package dev.parley.engine.conference;

import dev.parley.engine.CallConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and who: the Janus server's WebSocket address, the local user's id (their publisher
 * id in rooms), how long to wait for Janus, and the {@link CallConfig} whose ICE servers,
 * audio devices and callback executor conferences use too.
 *
 * <p>Threading: immutable.
 *
 * @param url the Janus WebSocket transport, e.g. {@code ws://127.0.0.1:8188}
 * @param userId the local user, also their publisher id in every room (positive)
 * @param requestTimeout how long a request to Janus may take
 * @param config ICE servers, audio device mode, callback executor
 */
public record ConferenceSettings(URI url, long userId, Duration requestTimeout, CallConfig config) {

    /** Validates. */
    public ConferenceSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(config, "config");
        if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
            throw new IllegalArgumentException("the Janus address " + url + " is not a ws:// or wss:// URL");
        }
        if (userId <= 0) {
            throw new IllegalArgumentException("user id " + userId + " is not positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout " + requestTimeout + " is not positive");
        }
    }

    /** {@code userId} on the Janus at {@code url}, 10 s per request, the default {@link CallConfig}. */
    public static ConferenceSettings of(URI url, long userId) {
        return new ConferenceSettings(url, userId, Duration.ofSeconds(10), CallConfig.defaults());
    }

    /** The same with {@code config}. */
    public ConferenceSettings withConfig(CallConfig config) {
        return new ConferenceSettings(url, userId, requestTimeout, config);
    }
}
