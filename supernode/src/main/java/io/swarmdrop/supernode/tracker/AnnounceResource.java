package io.swarmdrop.supernode.tracker;

import io.swarmdrop.core.publication.PublicationException;
import io.swarmdrop.core.publication.Publications;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** HTTP endpoints of the tracker: {@code /announce} for clients, and the peer records for operators. */
@Path("/")
public class AnnounceResource {

    public record PeerRecord(String who, String address, int port, boolean seed) {}

    private final Tracker tracker;
    private final Publications publications;

    AnnounceResource(Tracker tracker, Publications publications) {
        this.tracker = tracker;
        this.publications = publications;
    }

    @GET
    @Path("announce")
    @Produces(MediaType.TEXT_PLAIN)
    public byte[] announce(@Context HttpServerRequest request) throws UnknownHostException {
        InetAddress remote = InetAddress.getByName(request.remoteAddress().hostAddress());
        return tracker.announce(request.query(), remote);
    }

    @GET
    @Path("admin/tracker/{publication}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PeerRecord> peers(@PathParam("publication") String id) {
        var publication = publications
                .find(id)
                .orElseThrow(
                        () -> new PublicationException(PublicationException.Reason.NOT_FOUND, "no publication " + id));
        return tracker.peers(publication).stream()
                .map(p -> new PeerRecord(p.who(), p.address().getHostAddress(), p.port(), p.seed()))
                .toList();
    }
}
