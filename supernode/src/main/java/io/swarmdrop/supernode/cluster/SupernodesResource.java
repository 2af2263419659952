package io.swarmdrop.supernode.cluster;

import io.swarmdrop.core.api.Supernodes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Tells daemons which supernodes are alive, so they can attach to the nearest of their zone. */
@Path("/api")
public class SupernodesResource {

    private final NodeRegistration registration;
    private final NodeIdentity identity;

    SupernodesResource(NodeRegistration registration, NodeIdentity identity) {
        this.registration = registration;
        this.identity = identity;
    }

    @GET
    @Path("/supernodes")
    @Produces(MediaType.APPLICATION_JSON)
    public Supernodes supernodes() {
        return new Supernodes(
                identity.zone(),
                registration.live().stream()
                        .map(r -> new Supernodes.Supernode(r.node(), r.zone(), r.apiUrl()))
                        .toList());
    }

    /** For round-trip measurements; needs no token and touches no state. */
    @GET
    @Path("/ping")
    public void ping() {}
}
