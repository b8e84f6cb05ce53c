package dev.parley.engine;

import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server that peer connections use to find a path between participants.
 *
 * <p>Threading: immutable.
 *
 * @param urls the server's {@code stun:}, {@code turn:} or {@code turns:} URLs, at least one
 * @param username the TURN user name, empty for STUN
 * @param credential the TURN password, empty for STUN; never printed by {@link #toString()}
 */
public record IceServer(List<String> urls, String username, String credential) {

    /**
     * Validates the server.
     *
     * @throws IllegalArgumentException when there is no URL or a URL has an unknown scheme
     */
    public IceServer {
        urls = List.copyOf(urls);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(credential, "credential");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL, such as stun:127.0.0.1:3478");
        }
        for (String url : urls) {
            if (!(url.startsWith("stun:") || url.startsWith("stuns:") || url.startsWith("turn:") || url.startsWith("turns:"))) {
                throw new IllegalArgumentException("ICE server URL '" + url
                        + "' must start with stun:, stuns:, turn: or turns:");
            }
        }
    }

    /** A STUN server, e.g. {@code IceServer.stun("stun:127.0.0.1:3478")}. */
    public static IceServer stun(String url) {
        return new IceServer(List.of(url), "", "");
    }

    /** A TURN server with its credentials. */
    public static IceServer turn(String url, String username, String credential) {
        return new IceServer(List.of(url), username, credential);
    }

    @Override
    public String toString() {
        return "IceServer" + urls + (username.isEmpty() ? "" : " user " + username);
    }
}
