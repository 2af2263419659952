package io.swarmdrop.supernode.peering;

import io.swarmdrop.core.api.PeerCertificate;
import io.swarmdrop.core.directory.DeviceRef;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.PublicationException;
import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.supernode.access.CurrentDevice;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.PublicKey;
import org.jboss.logging.Logger;

/**
 * Peer certificates for the SSL torrents of a group, for its members' devices only (the device
 * token authenticates the call, {@code AccessFilter}). A removed member, a revoked device or a
 * disabled user gets none, so the certificates they hold end within {@link PeerRoots#PEER_VALIDITY}.
 */
@Path("/api/groups/{group}/peer-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeerCertificatesResource {

    private static final Logger LOG = Logger.getLogger(PeerCertificatesResource.class);

    private final CurrentDevice device;
    private final Directory directory;

    PeerCertificatesResource(CurrentDevice device, Directory directory) {
        this.device = device;
        this.directory = directory;
    }

    @POST
    public PeerCertificate.Issued issue(@PathParam("group") String group, PeerCertificate.Request request) {
        DeviceRef who = device.get();
        if (!directory.isMember(group, who.user())) {
            LOG.infof("[user=%s] no peer certificate for group '%s': not a member", who.user(), group);
            throw new PublicationException(
                    PublicationException.Reason.NOT_A_MEMBER,
                    "user '" + who.user() + "' is not a member of group '" + group + "'");
        }
        if (request == null) {
            throw new BadRequestException("a JSON body {publicKey, root} is required");
        }
        PublicKey key;
        try {
            key = PeerRoots.decodePublicKey(request.publicKey());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        PeerRoots.Root root = request.root() == null
                ? directory.roots().current(group)
                : directory
                        .roots()
                        .find(group, request.root())
                        .orElseThrow(() -> new PublicationException(
                                PublicationException.Reason.NOT_FOUND,
                                "group '" + group + "' has no peer root '" + request.root() + "'"));
        PeerCredential issued = PeerRoots.issue(root, key, who.device(), who.user(), group);
        LOG.debugf(
                "[user=%s] peer certificate of root %s of group %s for device %s",
                who.user(), root.id(), group, who.device());
        return new PeerCertificate.Issued(root.id(), root.certificatePem(), issued.certificatePem(), issued.notAfter());
    }
}
