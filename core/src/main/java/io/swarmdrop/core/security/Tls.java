package io.swarmdrop.core.security;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts for the JDK's HTTP client: which CAs it trusts, and which certificate it shows. */
public final class Tls {

    private Tls() {}

    /** Trusts exactly {@code authorities} (the cluster CA, say), not the JDK's public CAs. */
    public static SSLContext trusting(List<X509Certificate> authorities) {
        return context(authorities, null);
    }

    /** Trusts {@code authorities} and shows the certificate chain in {@code certFile} with its key (mTLS). */
    public static SSLContext withClientCertificate(List<X509Certificate> authorities, Path certFile, Path keyFile) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry(
                    "client",
                    ClusterCa.readKey(keyFile),
                    password,
                    ClusterCa.readCertificates(certFile).toArray(Certificate[]::new));
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            return context(authorities, keys);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the certificate in " + certFile, e);
        }
    }

    private static SSLContext context(List<X509Certificate> authorities, KeyManagerFactory keys) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }
}
