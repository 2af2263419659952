package io.swarmdrop.supernode.errors;

import io.swarmdrop.core.api.ErrorBody;
import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.InvalidNameException;
import io.swarmdrop.core.directory.DirectoryException;
import io.swarmdrop.core.files.UnsafeFileNameException;
import io.swarmdrop.core.publication.PublicationException;
import io.swarmdrop.core.torrent.InvalidMetainfoException;
import io.swarmdrop.policies.PolicyException;
import io.swarmdrop.supernode.access.NotAuthenticatedException;
import io.swarmdrop.supernode.access.TooManyRequestsException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where the capabilities' exceptions become HTTP statuses with a readable message. */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @ServerExceptionMapper
    public Response notAuthenticated(NotAuthenticatedException e) {
        return answer(Response.Status.UNAUTHORIZED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e) {
        return Response.status(429)
                .header("Retry-After", e.retryAfterSeconds())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response directory(DirectoryException e) {
        return answer(
                switch (e.reason()) {
                    case NOT_FOUND -> Response.Status.NOT_FOUND;
                    case ALREADY_EXISTS -> Response.Status.CONFLICT;
                    case REFUSED -> Response.Status.FORBIDDEN;
                },
                e.getMessage());
    }

    @ServerExceptionMapper
    public Response publication(PublicationException e) {
        return answer(
                switch (e.reason()) {
                    case NOT_FOUND -> Response.Status.NOT_FOUND;
                    case NOT_A_MEMBER, NOT_A_TARGET -> Response.Status.FORBIDDEN;
                    case INVALID_METAINFO -> Response.Status.BAD_REQUEST;
                    case REFUSED_BY_POLICY -> UNPROCESSABLE;
                    case STALE_PEER_ROOT -> Response.Status.CONFLICT;
                    case INSUFFICIENT_STORAGE -> INSUFFICIENT_STORAGE;
                },
                e.getMessage());
    }

    @ServerExceptionMapper({InvalidMetainfoException.class, InvalidNameException.class, UnsafeFileNameException.class})
    public Response badInput(RuntimeException e) {
        return answer(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** The resources' own checks of a request ("a user needs ... a password of at least 8 characters"). */
    @ServerExceptionMapper
    public Response badRequest(jakarta.ws.rs.BadRequestException e) {
        return answer(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response policy(PolicyException e) {
        return answer(Response.Status.BAD_REQUEST, "invalid policy: " + e.getMessage());
    }

    @ServerExceptionMapper
    public Response clusterState(ClusterStateException e) {
        LOG.errorf("cluster state unavailable: %s", e.getMessage());
        return answer(Response.Status.SERVICE_UNAVAILABLE, "the cluster state is unavailable: try again shortly");
    }

    /** 507: this supernode has no room for the file now (WebDAV's status, which says just that). */
    private static final Response.StatusType INSUFFICIENT_STORAGE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 507;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.SERVER_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Insufficient Storage";
        }
    };

    /** 422: the request is well formed, but the group's policy does not admit the file. */
    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private static Response answer(Response.StatusType status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(message))
                .build();
    }
}
