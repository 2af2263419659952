package io.swarmdrop.supernode.seeding;

import io.swarmdrop.core.publication.PublicationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** What supernodes ask of each other; {@code AccessFilter} admits live supernodes' passkeys only. */
@Path("/cluster")
public class ClusterResource {

    private final MetainfoStore store;

    ClusterResource(MetainfoStore store) {
        this.store = store;
    }

    @GET
    @Path("/publications/{id}/torrent")
    @Produces("application/x-bittorrent")
    public byte[] torrent(@PathParam("id") String id) {
        return store.read(id)
                .orElseThrow(() -> new PublicationException(
                        PublicationException.Reason.NOT_FOUND, "this supernode has no metainfo for " + id));
    }
}
