package io.swarmdrop.supernode.access;

import io.swarmdrop.core.audit.AuditEvent;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.security.Secrets;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every change made through the admin API reaches the console's audit log, as the console's own
 * changes do: which call, on what, from where, and with which admin credential (the first digits
 * of its SHA-256, which tell configured tokens apart without revealing one). Scripted changes were
 * missing from the audit log before.
 */
public class AdminAudit {

    private static final Logger LOG = Logger.getLogger(AdminAudit.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditQueue audit;
    private final Clock clock;

    AdminAudit(AuditQueue audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!(path.startsWith("/admin/") || path.equals("/admin"))
                || READS.contains(request.getMethod())
                || response.getStatus() >= 400) {
            return;
        }
        String source =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        try {
            audit.publish(new AuditEvent(
                    clock.instant(),
                    "admin API (token " + credential(request) + ")",
                    "admin API " + request.getMethod(),
                    path,
                    source));
        } catch (RuntimeException e) {
            // The change stands; the log keeps what the audit log could not.
            LOG.errorf("could not audit %s %s from %s: %s", request.getMethod(), path, source, e.getMessage());
        }
    }

    private static String credential(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header == null || header.length() <= 7
                ? "?"
                : Secrets.hash(header.substring(7).trim()).substring(0, 8);
    }
}
