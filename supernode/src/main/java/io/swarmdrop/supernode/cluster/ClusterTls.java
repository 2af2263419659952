package io.swarmdrop.supernode.cluster;

import io.swarmdrop.core.security.ClusterCa;
import io.swarmdrop.core.security.Tls;
import io.swarmdrop.supernode.SupernodeConfig;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How this supernode calls the others' {@code /cluster} API: over HTTPS, trusting the cluster CA
 * only, and showing its own certificate (mTLS), which is how they know it is a supernode of this
 * cluster. With TLS off (loopback only) it calls plain HTTP with its passkey instead.
 */
@Singleton
public class ClusterTls {

    private final Optional<SSLContext> context;
    private final Optional<String> caFingerprint;

    ClusterTls(
            SupernodeConfig config,
            @ConfigProperty(name = "quarkus.tls.key-store.pem.0.cert") Optional<String> cert,
            @ConfigProperty(name = "quarkus.tls.key-store.pem.0.key") Optional<String> key,
            @ConfigProperty(name = "quarkus.tls.trust-store.pem.certs") Optional<String> ca) {
        if (!config.tls().enabled() || cert.isEmpty() || key.isEmpty() || ca.isEmpty()) {
            this.context = Optional.empty();
            this.caFingerprint = Optional.empty();
        } else {
            var authorities = ClusterCa.readCertificates(Path.of(ca.get()));
            this.context = Optional.of(Tls.withClientCertificate(authorities, Path.of(cert.get()), Path.of(key.get())));
            this.caFingerprint = Optional.of(ClusterCa.fingerprint(authorities.get(0)));
        }
    }

    /** The SHA-256 fingerprint of the cluster CA, for daemons that pin it; empty with TLS off. */
    public Optional<String> caFingerprint() {
        return caFingerprint;
    }

    /** True when supernodes prove who they are by certificate rather than by passkey. */
    public boolean mutual() {
        return context.isPresent();
    }

    /** A client builder for calls to other supernodes. */
    public HttpClient.Builder client() {
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        context.ifPresent(builder::sslContext);
        return builder;
    }
}
