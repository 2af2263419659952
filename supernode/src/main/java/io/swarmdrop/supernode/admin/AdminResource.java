package io.swarmdrop.supernode.admin;

import io.swarmdrop.core.api.TransferStatus;
import io.swarmdrop.core.cluster.SupernodeRecord;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.PublicationException;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.security.PasswordRule;
import io.swarmdrop.policies.PolicyText;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import io.swarmdrop.supernode.cluster.NodeRegistration;
import io.swarmdrop.supernode.gc.CollectorJob;
import io.swarmdrop.supernode.seeding.Seeder;
import io.swarmdrop.supernode.tracker.Tracker;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * Administration until the console takes it over: users, groups, members, and what this supernode
 * holds. Authenticated with the admin token (see AccessFilter).
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    public record NewUser(String name, String displayName, String password) {}

    public record NewGroup(String name, String description) {}

    private final Directory directory;
    private final Seeder seeder;
    private final NodeRegistration registration;
    private final Publications publications;
    private final Tracker tracker;
    private final NodeIdentity identity;
    private final CollectorJob collection;

    AdminResource(
            Directory directory,
            Seeder seeder,
            NodeRegistration registration,
            Publications publications,
            Tracker tracker,
            NodeIdentity identity,
            CollectorJob collection) {
        this.identity = identity;
        this.collection = collection;
        this.publications = publications;
        this.tracker = tracker;
        this.directory = directory;
        this.seeder = seeder;
        this.registration = registration;
    }

    @POST
    @Path("/users")
    public Response createUser(NewUser user) {
        if (user == null) {
            throw new BadRequestException("a user needs a name and a password");
        }
        PasswordRule.problem(user.password()).ifPresent(problem -> {
            throw new BadRequestException(problem);
        });
        directory.createUser(user.name(), user.displayName(), user.password().toCharArray());
        return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path("/users")
    public List<String> users() {
        return directory.users();
    }

    /** A device as the admin API shows it: no token or passkey hash. */
    public record DeviceView(
            String device, String hostname, Instant enrolledAt, Instant lastContact, List<String> problems) {}

    /** The devices of a user, with what each reported it cannot do on its own (as the console shows). */
    @GET
    @Path("/users/{user}/devices")
    public List<DeviceView> devices(@PathParam("user") String user) {
        if (directory.findUser(user).isEmpty()) {
            throw new NotFoundException("there is no user '" + user + "'");
        }
        return directory.devices(user).stream()
                .flatMap(id -> directory.findDevice(user, id).stream()
                        .map(d -> new DeviceView(id, d.hostname(), d.enrolledAt(), d.lastContact(), d.problems())))
                .toList();
    }

    @POST
    @Path("/groups")
    public Response createGroup(NewGroup group) {
        if (group == null) {
            throw new BadRequestException("a group needs a name");
        }
        directory.createGroup(group.name(), group.description());
        return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path("/groups")
    public List<String> groups() {
        return directory.groups();
    }

    @GET
    @Path("/groups/{group}/members")
    public List<String> members(@PathParam("group") String group) {
        return directory.members(group);
    }

    /** The group's policy in its text form (see the policies module). */
    @GET
    @Path("/groups/{group}/policy")
    @Produces(MediaType.TEXT_PLAIN)
    public String policy(@PathParam("group") String group) {
        return PolicyText.format(directory.policy(group));
    }

    /** Replaces the group's policy; 400 lists every problem with its line and key. */
    @PUT
    @Path("/groups/{group}/policy")
    @Consumes(MediaType.TEXT_PLAIN)
    public void setPolicy(@PathParam("group") String group, String text) {
        directory.setPolicy(group, text);
    }

    @PUT
    @Path("/groups/{group}/members/{user}")
    public void addMember(@PathParam("group") String group, @PathParam("user") String user) {
        directory.addMember(group, user);
    }

    @DELETE
    @Path("/groups/{group}/members/{user}")
    public void removeMember(@PathParam("group") String group, @PathParam("user") String user) {
        directory.removeMember(group, user);
    }

    /** What this supernode's libtorrent session is doing, with payload byte counters. */
    @GET
    @Path("/transfers")
    public List<TransferStatus> transfers() {
        return seeder.transfers();
    }

    /** A publication's delivery: its record, targets, receipts and, once removed, its removal. */
    public record PublicationDetail(
            io.swarmdrop.core.publication.Publication publication,
            List<String> targets,
            List<String> received,
            io.swarmdrop.core.publication.Removal removal,
            List<io.swarmdrop.core.publication.Holder> holders) {}

    @GET
    @Path("/publications/{publication}")
    public PublicationDetail publication(@PathParam("publication") String id) {
        var publication = publications
                .find(id)
                .orElseThrow(
                        () -> new PublicationException(PublicationException.Reason.NOT_FOUND, "no publication " + id));
        return new PublicationDetail(
                publication,
                publications.targets(id),
                publications.receivedBy(id),
                publications.removal(id).orElse(null),
                publications.holders(id));
    }

    /** Who announced for a publication on this supernode's tracker. */
    @GET
    @Path("/tracker/{publication}")
    public List<Tracker.PeerRecord> peers(@PathParam("publication") String id) {
        var publication = publications
                .find(id)
                .orElseThrow(
                        () -> new PublicationException(PublicationException.Reason.NOT_FOUND, "no publication " + id));
        return tracker.peers(publication);
    }

    /** This supernode's transfer of one publication, with its byte counters, even after it dropped its copy. */
    @GET
    @Path("/transfers/{publication}")
    public TransferStatus transfer(@PathParam("publication") String id) {
        return seeder.transfer(id)
                .orElseThrow(() -> new PublicationException(
                        PublicationException.Reason.NOT_FOUND, "this supernode never held publication " + id));
    }

    /** The peers this supernode's own session exchanged a publication's bytes with. */
    @GET
    @Path("/connections/{publication}")
    public List<io.swarmdrop.core.api.PeerConnection> connections(@PathParam("publication") String id) {
        return seeder.connections(id);
    }

    /** This supernode's catalog of stored files. */
    @GET
    @Path("/stored")
    public List<Seeder.Stored> stored() {
        return seeder.catalog();
    }

    /** Which supernode answers, and whether it is the elected garbage collector right now. */
    public record Node(String node, String zone, boolean collector) {}

    @GET
    @Path("/node")
    public Node node() {
        return new Node(identity.node(), identity.zone(), collection.isLeader());
    }

    @GET
    @Path("/supernodes")
    public List<SupernodeRecord> supernodes() {
        return registration.live();
    }
}
