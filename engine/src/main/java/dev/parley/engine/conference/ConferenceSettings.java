package dev.parley.engine.conference;

import dev.parley.engine.CallConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and who: the Janus server's WebSocket address, the local user's id (their publisher
 * id in rooms), the token Janus asks for (when it runs with {@code token_auth}), how long to
 * wait for Janus, and the {@link CallConfig} whose ICE servers, audio devices, callback
 * executor and reconnection times ({@code disconnectTimeInterval}, {@code iceRestartDelay})
 * conferences use too.
 *
 * <p>Threading: immutable.
 *
 * @param url the Janus WebSocket transport, e.g. {@code ws://127.0.0.1:8188}
 * @param userId the local user, also their publisher id in every room (positive)
 * @param token sent with every request when not null: a token stored in Janus, or one signed
 *     with its {@code token_auth_secret} for {@code janus.plugin.videoroom}
 * @param requestTimeout how long a request to Janus may take
 * @param config ICE servers, audio device mode, callback executor
 */
public record ConferenceSettings(URI url, long userId, String token, Duration requestTimeout, CallConfig config) {

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
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the token is blank: pass null for none");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout " + requestTimeout + " is not positive");
        }
    }

    /** {@code userId} on the Janus at {@code url}, no token, 10 s per request, the default {@link CallConfig}. */
    public static ConferenceSettings of(URI url, long userId) {
        return new ConferenceSettings(url, userId, null, Duration.ofSeconds(10), CallConfig.defaults());
    }

    /** The same with {@code config}. */
    public ConferenceSettings withConfig(CallConfig config) {
        return new ConferenceSettings(url, userId, token, requestTimeout, config);
    }

    /** The same with {@code token} (null: none). */
    public ConferenceSettings withToken(String token) {
        return new ConferenceSettings(url, userId, token, requestTimeout, config);
    }

    /** The same with {@code requestTimeout}. */
    public ConferenceSettings withRequestTimeout(Duration requestTimeout) {
        return new ConferenceSettings(url, userId, token, requestTimeout, config);
    }

    /** Leaves the token out, so that it does not end up in logs. */
    @Override
    public String toString() {
        return "ConferenceSettings[url=" + url + ", userId=" + userId + ", token=" + (token == null ? "none" : "***")
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
