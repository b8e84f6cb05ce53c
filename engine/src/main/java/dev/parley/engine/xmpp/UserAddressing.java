package dev.parley.engine.xmpp;

import java.util.OptionalLong;

/**
 * How numeric user ids map to XMPP local parts. QuickBlox's scheme, the default, is
 * {@code userId-appId} ({@code 111-1@chat.example}); a server with other account names plugs
 * in its own mapping through {@link XmppSettings.Builder#addressing}.
 *
 * <p>Threading: implementations must be stateless or thread safe.
 */
public interface UserAddressing {

    /** The local part of {@code userId}'s JID. */
    String localpart(long userId);

    /** The user id a received local part names, or empty when it names no user of ours. */
    OptionalLong userId(String localpart);

    /**
     * QuickBlox's scheme: {@code userId-appId}. A sender's id is the number before the first
     * {@code -}; a local part of another application ({@code 111-2} when the app id is 1) names
     * nobody, so that users of another app on the same server cannot pose as ours.
     */
    static UserAddressing quickBlox(long appId) {
        if (appId <= 0) {
            throw new IllegalArgumentException("appId must be positive, was " + appId);
        }
        return new UserAddressing() {
            @Override
            public String localpart(long userId) {
                return userId + "-" + appId;
            }

            @Override
            public OptionalLong userId(String localpart) {
                int dash = localpart.indexOf('-');
                if (dash < 0 || !localpart.substring(dash + 1).equals(Long.toString(appId))) {
                    return OptionalLong.empty();
                }
                String number = localpart.substring(0, dash);
                try {
                    long id = Long.parseLong(number);
                    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }

            @Override
            public String toString() {
                return "quickBlox(appId " + appId + ")";
            }
        };
    }
}
