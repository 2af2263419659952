package io.swarmdrop.supernode.access;

import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.cluster.ClusterTls;
import io.swarmdrop.supernode.cluster.NodeRegistration;
import io.swarmdrop.supernode.cluster.ServerTls;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates the daemon API ({@code /api/**} but login and ping) by device token and the admin API
 * ({@code /admin/**}) by the admin token, and the cluster API ({@code /cluster/**}) by a
 * supernode certificate of the cluster CA (mTLS; by the passkey of a live supernode with TLS off). The tracker authenticates by passkey on its own, since
 * BitTorrent clients cannot send headers.
 */
public class AccessFilter {

    private final Directory directory;
    private final AdminToken adminToken;
    private final CurrentDevice currentDevice;
    private final NodeRegistration supernodes;
    private final ClusterTls tls;

    AccessFilter(
            Directory directory,
            AdminToken adminToken,
            CurrentDevice currentDevice,
            NodeRegistration supernodes,
            ClusterTls tls) {
        this.directory = directory;
        this.supernodes = supernodes;
        this.tls = tls;
        this.adminToken = adminToken;
        this.currentDevice = currentDevice;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, HttpServerRequest connection) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            if (!adminToken.matches(bearer(request))) {
                throw new NotAuthenticatedException("the admin API needs the admin token");
            }
        } else if (path.startsWith("/cluster/")) {
            if (tls.mutual() ? !isSupernodeCertificate(connection) : !isLivePasskey(bearer(request))) {
                throw new NotAuthenticatedException("the cluster API is for this cluster's supernodes only");
            }
        } else if (path.startsWith("/api/") && !path.equals("/api/login") && !path.equals("/api/ping")) {
            String token = bearer(request);
            if (token == null) {
                throw new NotAuthenticatedException("this call needs a device token (Authorization: Bearer ...)");
            }
            currentDevice.set(directory
                    .resolveToken(token)
                    .orElseThrow(() -> new NotAuthenticatedException("the device token is not valid or was revoked")));
        }
    }

    /**
     * Whether the caller showed a certificate of a supernode. The TLS handshake has already checked
     * that it chains to the cluster CA (the listener's trust store); the common name tells a
     * supernode's from a console's.
     */
    private static boolean isSupernodeCertificate(HttpServerRequest connection) {
        SSLSession session = connection.sslSession();
        if (session == null) {
            return false;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
                return false;
            }
            return new LdapName(certificate.getSubjectX500Principal().getName())
                    .getRdns().stream()
                            .anyMatch(rdn -> rdn.getType().equalsIgnoreCase("CN")
                                    && ServerTls.COMMON_NAME.equals(rdn.getValue()));
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            return false;
        }
    }

    private boolean isLivePasskey(String passkey) {
        return passkey != null
                && supernodes.findByPasskeyHash(Secrets.hash(passkey)).isPresent();
    }

    private static String bearer(ContainerRequestContext request) {
        return bearerOf(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** The token of an {@code Authorization: Bearer ...} header, or null. */
    static String bearerOf(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
