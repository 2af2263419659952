package io.swarmdrop.core.security;

import io.swarmdrop.core.net.Hosts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The files and Quarkus settings behind an HTTPS listener of a supernode or console, read from the
 * settings under a prefix ({@code swarmdrop.supernode} or {@code swarmdrop.console}):
 *
 * <ul>
 *   <li>{@code tls.cert} and {@code tls.key}: this node's certificate chain and key (PEM, PKCS#8),
 *       as an operator's PKI or a Kubernetes Secret supplies them; used as they are;
 *   <li>otherwise {@code tls.ca-cert} and {@code tls.ca-key} (default {@code <data-dir>/tls/ca.crt}
 *       and {@code ca.key}, created when absent) issue one into {@code <data-dir>/tls/server.crt}
 *       and {@code server.key}, for every name this node is reached by, and again when a name is
 *       added or it nears its end.
 * </ul>
 *
 * The CA certificate is also the trust store for client certificates (supernodes calling each
 * other's {@code /cluster} API).
 */
public final class HttpsListener {

    /**
     * @param caCert the cluster CA certificate, which daemons pin and which client certificates must chain to
     * @param cert this node's certificate chain
     * @param key its private key
     */
    public record Files(Path caCert, Path cert, Path key) {}

    private HttpsListener() {}

    /**
     * The files of the listener, issuing the certificate when the operator gave none.
     *
     * @param setting reads a raw setting by full name
     * @param names the host names and addresses this node is reached at (localhost and loopback
     *     are added)
     */
    public static Files prepare(
            Function<String, Optional<String>> setting,
            String prefix,
            String defaultDataDir,
            String commonName,
            Set<String> names) {
        Path dataDir = Path.of(setting.apply(prefix + ".data-dir").orElse(defaultDataDir))
                .toAbsolutePath()
                .normalize();
        Path tls = dataDir.resolve("tls");
        Path caCert = path(setting, prefix + ".tls.ca-cert").orElse(tls.resolve("ca.crt"));
        Optional<Path> cert = path(setting, prefix + ".tls.cert");
        Optional<Path> key = path(setting, prefix + ".tls.key");
        if (cert.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException(prefix + ".tls.cert and " + prefix + ".tls.key go together: give both");
        }
        if (cert.isPresent()) {
            ClusterCa.readCertificates(cert.get());
            ClusterCa.readKey(key.get());
            if (!java.nio.file.Files.exists(caCert)) {
                throw new IllegalArgumentException(prefix + ".tls.cert is set, so " + prefix
                        + ".tls.ca-cert must name the CA that issued the cluster's certificates; " + caCert
                        + " does not exist");
            }
            return new Files(caCert, cert.get(), key.get());
        }
        Path caKey = path(setting, prefix + ".tls.ca-key").orElse(tls.resolve("ca.key"));
        ClusterCa ca = ClusterCa.loadOrCreate(caCert, caKey);
        Path issuedCert = tls.resolve("server.crt");
        Path issuedKey = tls.resolve("server.key");
        ca.ensureServerCertificate(commonName, withLocalNames(names), issuedCert, issuedKey);
        return new Files(caCert, issuedCert, issuedKey);
    }

    /**
     * The Quarkus settings that serve HTTPS only, on the port the plain listener would have had
     * ({@code quarkus.http.port}), with the files of {@link #prepare}. The CA is the trust store
     * for client certificates where an app requests them ({@code quarkus.http.ssl.client-auth},
     * fixed at build time).
     */
    public static Map<String, String> quarkusSettings(Files files, String port, String testPort) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("quarkus.http.insecure-requests", "disabled");
        settings.put("quarkus.http.ssl-port", port);
        settings.put("quarkus.http.test-ssl-port", testPort);
        settings.put("quarkus.tls.key-store.pem.0.cert", files.cert().toString());
        settings.put("quarkus.tls.key-store.pem.0.key", files.key().toString());
        settings.put("quarkus.tls.trust-store.pem.certs", files.caCert().toString());
        return settings;
    }

    /** The names a certificate needs beyond the given ones: loopback, and this host's name. */
    static Set<String> withLocalNames(Set<String> names) {
        var all = new TreeSet<String>();
        for (String name : names) {
            if (name != null && !name.isBlank() && !Hosts.isWildcard(name)) {
                all.add(name.trim());
            }
        }
        all.add("localhost");
        all.add("127.0.0.1");
        all.add("::1");
        try {
            all.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // No name for this host: reached by address only.
        }
        return all;
    }

    private static Optional<Path> path(Function<String, Optional<String>> setting, String name) {
        return setting.apply(name).filter(v -> !v.isBlank()).map(v -> Path.of(v.trim())
                .toAbsolutePath());
    }
}
