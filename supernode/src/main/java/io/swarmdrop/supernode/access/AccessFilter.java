package io.swarmdrop.supernode.access;

import io.swarmdrop.core.directory.Directory;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates the daemon API ({@code /api/**} but login) by device token and the admin API
 * ({@code /admin/**}) by the admin token. The tracker authenticates by passkey on its own, since
 * BitTorrent clients cannot send headers.
 */
public class AccessFilter {

    private final Directory directory;
    private final AdminToken adminToken;
    private final CurrentDevice currentDevice;

    AccessFilter(Directory directory, AdminToken adminToken, CurrentDevice currentDevice) {
        this.directory = directory;
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
        } else if (path.startsWith("/api/") && !path.equals("/api/login")) {
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
