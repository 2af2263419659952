package io.swarmdrop.supernode.tracker;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The tracker's HTTP endpoint for BitTorrent clients. */
@Path("/")
public class AnnounceResource {

    private final Tracker tracker;

    AnnounceResource(Tracker tracker) {
        this.tracker = tracker;
    }

    @GET
    @Path("announce")
    @Produces(MediaType.TEXT_PLAIN)
    public byte[] announce(@Context HttpServerRequest request) throws UnknownHostException {
        InetAddress remote = InetAddress.getByName(request.remoteAddress().hostAddress());
        // Swarmdrop's own announcers send the passkey as a bearer token; a standard client can only
        // put it in the URL's pk parameter.
        String authorization = request.getHeader("Authorization");
        String passkey = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).trim()
                : null;
        return tracker.announce(request.query(), passkey, remote);
    }
}
