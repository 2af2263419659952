package io.swarmdrop.supernode.publishing;

import io.swarmdrop.core.api.Me;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.directory.DeviceRecord;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.PublicationException;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.engine.MetainfoCheck;
import io.swarmdrop.supernode.access.CurrentDevice;
import io.swarmdrop.supernode.access.TooManyRequestsException;
import io.swarmdrop.supernode.push.Sessions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** The daemon API for publishing, catching up and acknowledging; see core's api package for the contract. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationsResource {

    public static final String BITTORRENT = "application/x-bittorrent";
    /** The content type the daemon sniffed from the file's first bytes, for the group's admission rules. */
    public static final String CONTENT_TYPE_HEADER = "X-Swarmdrop-Content-Type";

    private final CurrentDevice device;
    private final Directory directory;
    private final Publications publications;
    private final Publishing publishing;
    private final Sessions sessions;
    private final ProgressLimit progressLimit;

    PublicationsResource(
            CurrentDevice device,
            Directory directory,
            Publications publications,
            Publishing publishing,
            Sessions sessions,
            ProgressLimit progressLimit) {
        this.device = device;
        this.directory = directory;
        this.publications = publications;
        this.publishing = publishing;
        this.sessions = sessions;
        this.progressLimit = progressLimit;
    }

    @GET
    @Path("/me")
    public Me me() {
        String user = device.user();
        List<Me.GroupView> groups = directory.groupsOf(user).stream()
                .map(g -> new Me.GroupView(
                        g,
                        directory.findGroup(g).map(r -> r.description()).orElse(""),
                        directory.members(g).stream()
                                .map(m -> new Me.MemberView(m, sessions.isOnline(m)))
                                .toList()))
                .toList();
        return new Me(user, device.get().device(), groups);
    }

    /**
     * Replaces what the calling device reports it cannot do on its own (a file it could not
     * publish, a fetch waiting for disk space), for the console's view of the device. The caller
     * can only speak for itself; at most {@value DeviceRecord#MAX_PROBLEMS} lines, each cut to
     * {@value DeviceRecord#MAX_PROBLEM} characters.
     */
    @PUT
    @Path("/me/problems")
    @Consumes(MediaType.APPLICATION_JSON)
    public void reportProblems(List<String> problems) {
        if (problems == null || problems.contains(null) || problems.size() > DeviceRecord.MAX_PROBLEMS) {
            throw new jakarta.ws.rs.BadRequestException(
                    "problems are a JSON list of at most " + DeviceRecord.MAX_PROBLEMS + " strings");
        }
        directory.setDeviceProblems(device.user(), device.get().device(), problems);
    }

    @POST
    @Path("/groups/{group}/publications")
    @Consumes({BITTORRENT, MediaType.APPLICATION_OCTET_STREAM})
    public Response publish(
            @PathParam("group") String group, @HeaderParam(CONTENT_TYPE_HEADER) String contentType, byte[] body) {
        var created = publishing.publish(device.get(), group, MetainfoCheck.parse(body), contentType);
        return Response.status(created.isNew() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PublicationView.of(created.publication()))
                .build();
    }

    /** Every publication of the caller's groups that the cluster still knows, newest first. */
    @GET
    @Path("/publications")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PublicationView> inMyGroups() {
        var groups = new java.util.HashSet<>(directory.groupsOf(device.user()));
        return publications.ids().stream()
                .map(publications::find)
                .flatMap(java.util.Optional::stream)
                .filter(p -> groups.contains(p.group()))
                .sorted(java.util.Comparator.comparing(io.swarmdrop.core.publication.Publication::createdAt)
                        .reversed())
                .map(PublicationView::of)
                .toList();
    }

    @GET
    @Path("/publications/pending")
    public List<PublicationView> pending() {
        return publications.pendingFor(device.user()).stream()
                .map(PublicationView::of)
                .toList();
    }

    /** Publications removed before this user received them: the daemon reports each, then dismisses it. */
    @GET
    @Path("/publications/expired")
    public List<PublicationView> expired() {
        return publications.expiredFor(device.user()).stream()
                .map(PublicationView::of)
                .toList();
    }

    @jakarta.ws.rs.DELETE
    @Path("/publications/expired/{id}")
    public void dismissExpired(@PathParam("id") String id) {
        publications.dismissExpired(device.user(), id);
    }

    /** One publication of the caller's groups, with its state: daemons stop seeding removed ones. */
    @GET
    @Path("/publications/{id}")
    public PublicationView publication(@PathParam("id") String id) {
        return PublicationView.of(publishing.readableBy(device.user(), id));
    }

    @GET
    @Path("/publications/{id}/torrent")
    @Produces(BITTORRENT)
    public byte[] torrent(@PathParam("id") String id) {
        var publication = publishing.readableBy(device.user(), id);
        return publishing.metainfo(publication);
    }

    /** How far this device's fetch is; daemons send it in steps of a tenth, for the console. */
    public record ProgressReport(long done) {}

    @PUT
    @Path("/publications/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    public void progress(@PathParam("id") String id, ProgressReport report) {
        if (report == null || report.done() < 0) {
            throw new jakarta.ws.rs.BadRequestException("a progress report needs {\"done\": bytes fetched so far}");
        }
        Duration wait = progressLimit.take(device.get());
        if (!wait.isZero()) {
            throw new TooManyRequestsException("too many progress reports from this device", wait);
        }
        publications.reportProgress(id, device.get().user(), device.get().device(), report.done());
    }

    @PUT
    @Path("/publications/{id}/receipt")
    public void acknowledge(@PathParam("id") String id) {
        if (publications.find(id).isEmpty()) {
            throw new PublicationException(PublicationException.Reason.NOT_FOUND, "no publication " + id);
        }
        publishing.acknowledge(device.get(), id);
    }
}
