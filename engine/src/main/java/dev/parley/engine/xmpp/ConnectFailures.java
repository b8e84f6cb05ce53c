package dev.parley.engine.xmpp;

import dev.parley.engine.SignalingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;

/**
 * Turns whatever Smack threw while connecting or logging in into a {@link SignalingException}
 * whose message names the cause a person can act on: wrong password, unknown host, refused
 * port, TLS failure, timeout.
 *
 * <p>Threading: stateless.
 */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static SignalingException explain(XmppSettings settings, Throwable failure) {
        String where = settings.host().orElse(settings.domain()) + ":" + settings.port();
        String who = settings.localJid();
        if (find(failure, SASLErrorException.class) != null) {
            SASLErrorException sasl = find(failure, SASLErrorException.class);
            return new SignalingException("XMPP login as " + who + " at " + where + " was refused ("
                    + sasl.getSASLFailure().getSASLErrorString() + "): wrong password or unknown user", failure);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return new SignalingException("cannot connect to XMPP server " + where + ": unknown host '"
                    + settings.host().orElse(settings.domain()) + "'; check the host name", failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return new SignalingException("cannot connect to XMPP server " + where
                    + ": connection refused; is the server running and is this its client port?", failure);
        }
        if (find(failure, SmackException.NoEndpointsDiscoveredException.class) != null) {
            return new SignalingException("cannot connect to XMPP server " + where + ": unknown host '"
                    + settings.host().orElse(settings.domain()) + "' (no address found); check the host name", failure);
        }
        CertificateException certificate = find(failure, CertificateException.class);
        if (certificate != null || find(failure, SmackException.SmackCertificateException.class) != null) {
            return new SignalingException("TLS with XMPP server " + where + " failed: its certificate is not trusted"
                    + " for domain " + settings.domain() + (certificate != null ? " (" + certificate.getMessage() + ")" : "")
                    + "; for a self-signed server pass its certificate to trustCertificate(...)", failure);
        }
        if (find(failure, SSLException.class) != null) {
            return new SignalingException("TLS with XMPP server " + where + " failed: "
                    + find(failure, SSLException.class).getMessage(), failure);
        }
        if (find(failure, SmackException.SecurityRequiredByClientException.class) != null) {
            return new SignalingException("XMPP server " + where + " does not offer TLS, which Parley requires;"
                    + " use a server with TLS, or allowPlaintext() for a local test server", failure);
        }
        if (find(failure, SocketTimeoutException.class) != null
                || find(failure, SmackException.NoResponseException.class) != null) {
            return new SignalingException("XMPP server " + where + " did not answer in time while logging in as "
                    + who, failure);
        }
        return new SignalingException("cannot log in to XMPP server " + where + " as " + who + ": " + failure,
                failure);
    }

    /** The first throwable of {@code type} among {@code root}, its causes, suppressed and Smack's per-address failures. */
    private static <T extends Throwable> T find(Throwable root, Class<T> type) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.add(s);
            }
            if (t instanceof SmackException.EndpointConnectionException endpoint) {
                for (RemoteConnectionException<?> e : endpoint.getConnectionExceptions()) {
                    todo.add(e.getException());
                }
                endpoint.getLookupFailures().forEach(f -> todo.add(f.getException()));
            }
        }
        return null;
    }
}
