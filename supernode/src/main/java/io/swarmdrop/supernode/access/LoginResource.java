package io.swarmdrop.supernode.access;

import io.swarmdrop.core.api.LoginRequest;
import io.swarmdrop.core.audit.AuditEvent;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.Enrolment;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Logs a user in and enrols the calling device: the only daemon call without a token. */
@Path("/api/login")
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class);

    private final Directory directory;
    private final AuditQueue audit;
    private final Clock clock;

    LoginResource(Directory directory, AuditQueue audit, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Enrolment login(LoginRequest request, @Context HttpServerRequest http) {
        if (request == null || request.user() == null || request.password() == null) {
            throw new BadRequestException("login needs a user and a password");
        }
        if (!directory.checkPassword(request.user(), request.password().toCharArray())) {
            LOG.infof("[user=%s] login refused: wrong user, password, or disabled", request.user());
            throw new NotAuthenticatedException("wrong user or password");
        }
        String hostname = request.hostname() == null || request.hostname().isBlank() ? "unnamed" : request.hostname();
        Enrolment enrolment = directory.enrolDevice(request.user(), hostname);
        LOG.infof("[user=%s] enrolled device %s (%s)", enrolment.user(), enrolment.device(), hostname);
        String source =
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        try {
            audit.publish(new AuditEvent(
                    clock.instant(),
                    enrolment.user(),
                    "enrolled a device",
                    "device " + enrolment.device() + " (" + hostname + ") of " + enrolment.user(),
                    source));
        } catch (RuntimeException e) {
            // The enrolment stands; only its audit record is missing, and the log has it.
            LOG.errorf(
                    "[user=%s] could not record the enrolment in the audit log: %s", enrolment.user(), e.getMessage());
        }
        return enrolment;
    }
}
