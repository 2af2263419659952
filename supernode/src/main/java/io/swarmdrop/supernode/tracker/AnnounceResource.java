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
        return tracker.announce(request.query(), remote);
    }
}
