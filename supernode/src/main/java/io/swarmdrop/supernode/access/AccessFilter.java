package io.swarmdrop.supernode.access;

import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.cluster.NodeRegistration;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates the daemon API ({@code /api/**} but login and ping) by device token and the admin API
 * ({@code /admin/**}) by the admin token, and the cluster API ({@code /cluster/**}) by the
 * passkey of a live supernode. The tracker authenticates by passkey on its own, since
 * BitTorrent clients cannot send headers.
 */
public class AccessFilter {

    private final Directory directory;
    private final AdminToken adminToken;
    private final CurrentDevice currentDevice;
    private final NodeRegistration supernodes;

    AccessFilter(Directory directory, AdminToken adminToken, CurrentDevice currentDevice, NodeRegistration supernodes) {
        this.directory = directory;
        this.supernodes = supernodes;
        this.adminToken = adminToken;
        this.currentDevice = currentDevice;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            if (!adminToken.matches(bearer(request))) {
                throw new NotAuthenticatedException("the admin API needs the admin token");
            }
        } else if (path.startsWith("/cluster/")) {
            String passkey = bearer(request);
            if (passkey == null
                    || supernodes.findByPasskeyHash(Secrets.hash(passkey)).isEmpty()) {
                throw new NotAuthenticatedException("the cluster API is for live supernodes only");
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

    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
