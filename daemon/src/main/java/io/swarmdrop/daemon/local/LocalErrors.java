package io.swarmdrop.daemon.local;

import io.swarmdrop.core.api.ErrorBody;
import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.cluster.InvalidNameException;
import io.swarmdrop.core.files.UnsafeFileNameException;
import io.swarmdrop.daemon.route.RouteException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors of the local API as {@code {"error": ...}} with a status the command turns into an exit code. */
public class LocalErrors {

    @ServerExceptionMapper({IllegalArgumentException.class, InvalidNameException.class, UnsafeFileNameException.class})
    public Response badRequest(RuntimeException e) {
        return answer(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return answer(409, e.getMessage());
    }

    /**
     * The supernode's own status, or 503 when none answered. A supernode's 401 (a wrong password
     * when enrolling) becomes 403, so that 401 always means the local API's own token.
     */
    @ServerExceptionMapper
    public Response supernode(SupernodeException e) {
        int status = e.status() == 0 ? 503 : e.status() == 401 ? 403 : e.status();
        return answer(status, e.getMessage());
    }

    /** A route's failure: the supernode's answer when it came from one. */
    @ServerExceptionMapper
    public Response route(RouteException e) {
        if (e.getCause() instanceof SupernodeException supernode) {
            return supernode(supernode);
        }
        return answer(e.isRetryable() ? 503 : 409, e.getMessage());
    }

    private static Response answer(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(message))
                .build();
    }
}
