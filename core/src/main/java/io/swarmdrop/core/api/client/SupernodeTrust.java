package io.swarmdrop.core.api.client;

import io.swarmdrop.core.net.Hosts;
import io.swarmdrop.core.security.ClusterCa;
import io.swarmdrop.core.security.Tls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which supernode certificates this daemon accepts (finding A9): the cluster CA in {@code trust-ca},
 * or the CA whose SHA-256 fingerprint is {@code trust-ca-sha256} (as an admin reads it off the
 * console), or else the JDK's public CAs (an operator's certificate from a public CA). A plain
 * {@code http://} supernode URL is accepted only on loopback, where nothing crosses a network.
 */
public final class SupernodeTrust {

    private final Optional<Path> caFile;
    private final Optional<String> fingerprint;
    private volatile SSLContext context;

    public SupernodeTrust(Optional<Path> caFile, Optional<String> fingerprint) {
        this.caFile = caFile;
        this.fingerprint = fingerprint.map(String::trim).filter(f -> !f.isEmpty());
    }

    /** Trusting the JDK's public CAs only: for tools and tests without a cluster CA. */
    public static SupernodeTrust publicCas() {
        return new SupernodeTrust(Optional.empty(), Optional.empty());
    }

    /** Refuses a plain HTTP URL that leaves this host: passwords and tokens would travel in the clear. */
    public static void requireSecure(String url) {
        insecurity(URI.create(url)).ifPresent(problem -> {
            throw new UntrustedSupernodeException("the supernode URL " + problem);
        });
    }

    /** Why {@code uri} must not be used (plain HTTP off this host), or empty; the daemon's config file reports it too. */
    public static Optional<String> insecurity(URI uri) {
        if ("http".equals(uri.getScheme()) && !Hosts.isLoopback(uri.getHost())) {
            return Optional.of("'" + uri + "' is plain HTTP off this host: the password and device token"
                    + " would cross the network in the clear; use https://");
        }
        return Optional.empty();
    }

    /** A client builder that accepts only the trusted certificates, for calls to {@code url}. */
    HttpClient.Builder client(String url) {
        requireSecure(url);
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if ("https".equals(URI.create(url).getScheme())) {
            builder.sslContext(context(url));
        }
        return builder;
    }

    private SSLContext context(String url) {
        if (context == null) {
            synchronized (this) {
                if (context == null) {
                    context = build(url);
                }
            }
        }
        return context;
    }

    private SSLContext build(String url) {
        if (caFile.isPresent()) {
            return Tls.trusting(ClusterCa.readCertificates(caFile.get()));
        }
        if (fingerprint.isPresent()) {
            return Tls.trusting(List.of(pinned(url)));
        }
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Trust on first use, pinned: the CA certificate that {@code url} presents in its chain and
     * whose fingerprint is the configured one. Only the TLS handshake happens here, nothing is sent
     * over it; the later connections then check the whole chain against that CA as usual.
     */
    private X509Certificate pinned(String url) {
        URI uri = URI.create(url);
        List<X509Certificate> chain = presentedChain(uri);
        for (X509Certificate certificate : chain) {
            if (certificate.getBasicConstraints() >= 0 && ClusterCa.sameFingerprint(fingerprint.get(), certificate)) {
                return certificate;
            }
        }
        var seen = new ArrayList<String>();
        chain.forEach(c -> seen.add(c.getSubjectX500Principal().getName() + " " + ClusterCa.fingerprint(c)));
        throw new UntrustedSupernodeException("the supernode at " + url + " presented no CA certificate with the"
                + " SHA-256 fingerprint trust-ca-sha256 names (" + fingerprint.get() + "); it presented " + seen
                + ". Check the fingerprint on the console's Supernodes page, or set trust-ca to the CA file");
    }

    private static List<X509Certificate> presentedChain(URI uri) {
        var seen = new ArrayList<X509Certificate>();
        TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
                seen.addAll(List.of(chain));
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        try {
            var probe = SSLContext.getInstance("TLS");
            probe.init(null, new TrustManager[] {recorder}, null);
            try (var socket = (SSLSocket) probe.getSocketFactory().createSocket()) {
                socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), 5_000);
                socket.setSoTimeout(5_000);
                socket.startHandshake();
            }
        } catch (IOException e) {
            if (seen.isEmpty()) {
                throw new SupernodeException(0, "supernode unreachable at " + uri + ": " + e.getMessage());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return seen;
    }
}
