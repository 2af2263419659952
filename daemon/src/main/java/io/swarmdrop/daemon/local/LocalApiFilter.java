package io.swarmdrop.daemon.local;

import io.swarmdrop.core.api.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Admits calls to {@code /local/**} only with the token of {@link LocalApi}. */
public class LocalApiFilter {

    private final LocalApi api;

    LocalApiFilter(LocalApi api) {
        this.api = api;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/local")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        if (api.accepts(bearer)) {
            return null;
        }
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("the local API needs the token in <root>/.swarmdrop/" + LocalApi.FILE))
                .build();
    }
}
