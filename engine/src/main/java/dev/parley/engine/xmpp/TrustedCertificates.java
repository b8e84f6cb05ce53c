package dev.parley.engine.xmpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that accepts a server whose chain ends in a certificate from a PEM file, or
 * one the JVM's default trust store accepts.
 *
 * <p>Threading: the returned trust manager is immutable.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    static X509TrustManager trustManager(Path pemFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in " + pemFile);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + i++, certificate);
        }
        X509TrustManager own = x509(store);
        X509TrustManager system = x509(null);
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    own.checkServerTrusted(chain, authType);
                } catch (CertificateException notOurs) {
                    try {
                        system.checkServerTrusted(chain, authType);
                    } catch (CertificateException e) {
                        e.addSuppressed(notOurs);
                        throw e;
                    }
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(own.getAcceptedIssuers()));
                all.addAll(List.of(system.getAcceptedIssuers()));
                return all.toArray(new X509Certificate[0]);
            }
        };
    }

    private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }
}
