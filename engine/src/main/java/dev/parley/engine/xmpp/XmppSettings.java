package dev.parley.engine.xmpp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where and as whom {@link XmppSignaling} logs in. Build with {@link #builder()}:
 *
 * <pre>{@code
 * XmppSettings.builder()
 *         .host("127.0.0.1").port(5222).domain("chat.example").appId(1)
 *         .userId(333).password("secret")
 *         .trustCertificate(Path.of("server.pem"))   // for a self-signed server
 *         .build();
 * }</pre>
 *
 * <p>TLS is required by default and the server certificate is checked against the JVM's trust
 * store and the chat domain; {@link Builder#trustCertificate} adds one certificate to trust.
 * {@link Builder#allowPlaintext()} turns encryption off, for a test server only. The password
 * never appears in {@link #toString()}.
 *
 * <p>Threading: immutable.
 */
public final class XmppSettings {

    /** The standard XMPP client port. */
    public static final int DEFAULT_PORT = 5222;

    private final String host;
    private final int port;
    private final String domain;
    private final long userId;
    private final String password;
    private final UserAddressing addressing;
    private final Path trustedCertificate;
    private final boolean plaintextAllowed;
    private final String resource;
    private final Duration connectTimeout;
    private final Duration replyTimeout;

    private XmppSettings(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.domain = b.domain;
        this.userId = b.userId;
        this.password = b.password;
        this.addressing = b.addressing != null ? b.addressing : UserAddressing.quickBlox(b.appId);
        this.trustedCertificate = b.trustedCertificate;
        this.plaintextAllowed = b.plaintextAllowed;
        this.resource = b.resource != null ? b.resource : "parley-" + UUID.randomUUID().toString().substring(0, 8);
        this.connectTimeout = b.connectTimeout;
        this.replyTimeout = b.replyTimeout;
    }

    /** A builder; domain, app id (or addressing), user id and password are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The host to connect to; empty means the chat domain itself (resolved through DNS). */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The client port. */
    public int port() {
        return port;
    }

    /** The chat domain, the part of every JID after {@code @}. */
    public String domain() {
        return domain;
    }

    /** The user to log in as. */
    public long userId() {
        return userId;
    }

    String password() {
        return password;
    }

    /** How user ids map to JIDs. */
    public UserAddressing addressing() {
        return addressing;
    }

    /** A PEM certificate trusted in addition to the JVM's trust store. */
    public Optional<Path> trustedCertificate() {
        return Optional.ofNullable(trustedCertificate);
    }

    /** Whether an unencrypted connection was explicitly allowed. */
    public boolean plaintextAllowed() {
        return plaintextAllowed;
    }

    /** The XMPP resource of this login. */
    public String resource() {
        return resource;
    }

    /** How long to wait for the TCP connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for each server reply while logging in. */
    public Duration replyTimeout() {
        return replyTimeout;
    }

    /** The bare JID of the local user, e.g. {@code 111-1@chat.example}. */
    public String localJid() {
        return addressing.localpart(userId) + "@" + domain;
    }

    @Override
    public String toString() {
        return "XmppSettings[" + localJid() + " via " + (host != null ? host : domain) + ":" + port
                + (plaintextAllowed ? ", plaintext allowed" : ", TLS required")
                + (trustedCertificate != null ? ", trusting " + trustedCertificate : "") + ", password hidden]";
    }

    /**
     * Collects the settings. Every setter validates its argument at once and says what is wrong.
     *
     * <p>Threading: not thread safe; use from one thread.
     */
    public static final class Builder {
        private String host;
        private int port = DEFAULT_PORT;
        private String domain;
        private long appId;
        private long userId;
        private String password;
        private UserAddressing addressing;
        private Path trustedCertificate;
        private boolean plaintextAllowed;
        private String resource;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration replyTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** The host name or IP address to connect to, when it is not the chat domain. */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        /** The client port, 5222 by default. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The chat domain (QuickBlox's "chat endpoint"), e.g. {@code chat.example}. */
        public Builder domain(String domain) {
            // JIDs compare domains in lower case; so does the check of a sender's domain.
            this.domain = requireText(domain, "domain").toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        /** The QuickBlox application id, part of every JID ({@code userId-appId@domain}). */
        public Builder appId(long appId) {
            if (appId <= 0) {
                throw new IllegalArgumentException("appId must be positive, was " + appId);
            }
            this.appId = appId;
            return this;
        }

        /** The user to log in as. */
        public Builder userId(long userId) {
            if (userId <= 0) {
                throw new IllegalArgumentException("userId must be positive, was " + userId);
            }
            this.userId = userId;
            return this;
        }

        /** The user's password. It is kept only for logging in and reconnecting. */
        public Builder password(String password) {
            Objects.requireNonNull(password, "password");
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password is empty");
            }
            this.password = password;
            return this;
        }

        /** A JID scheme other than QuickBlox's {@code userId-appId}. */
        public Builder addressing(UserAddressing addressing) {
            this.addressing = Objects.requireNonNull(addressing, "addressing");
            return this;
        }

        /**
         * Trusts the PEM certificate in {@code pemFile} (a self-signed server's own certificate
         * or the CA that issued it). The chat domain must still match the certificate.
         */
        public Builder trustCertificate(Path pemFile) {
            this.trustedCertificate = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        /**
         * Allows a connection without TLS when the server offers none. Signals, SDP and the
         * login then cross the network readable by anyone on the path: for a local test server
         * only. A warning is logged at every connect.
         */
        public Builder allowPlaintext() {
            this.plaintextAllowed = true;
            return this;
        }

        /** The XMPP resource; a random {@code parley-…} one by default, so that logins never collide. */
        public Builder resource(String resource) {
            this.resource = requireText(resource, "resource");
            return this;
        }

        /** How long to wait for the TCP connection; 10 s by default. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each server reply while logging in; 10 s by default. */
        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = requirePositive(timeout, "replyTimeout");
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalStateException if domain, user id, password, or app id (without a
         *     custom addressing) is missing
         */
        public XmppSettings build() {
            if (domain == null) {
                throw new IllegalStateException("domain is not set: the chat domain, e.g. chat.example");
            }
            if (userId == 0) {
                throw new IllegalStateException("userId is not set");
            }
            if (password == null) {
                throw new IllegalStateException("password is not set");
            }
            if (appId == 0 && addressing == null) {
                throw new IllegalStateException("appId is not set: the QuickBlox application id is part of every JID");
            }
            return new XmppSettings(this);
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " is blank");
            }
            return value.trim();
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
