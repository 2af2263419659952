package io.swarmdrop.supernode.access;

import io.swarmdrop.core.api.LoginRequest;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.Enrolment;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/** Logs a user in and enrols the calling device: the only daemon call without a token. */
@Path("/api/login")
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class);

    private final Directory directory;

    LoginResource(Directory directory) {
        this.directory = directory;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Enrolment login(LoginRequest request) {
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
        return enrolment;
    }
}
