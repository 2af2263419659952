package io.swarmdrop.daemon.local;

import io.swarmdrop.core.api.LocalCommands.Enrol;
import io.swarmdrop.core.api.LocalCommands.Listed;
import io.swarmdrop.core.api.LocalCommands.Published;
import io.swarmdrop.core.api.PublicationView;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.files.FileNames;
import io.swarmdrop.daemon.Daemon;
import io.swarmdrop.daemon.Folders;
import io.swarmdrop.daemon.inbox.Inbox;
import io.swarmdrop.daemon.journal.Fetch;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the {@code swarmdrop} command asks of the running daemon (see the cli module). */
@Path("/local")
@Produces(MediaType.APPLICATION_JSON)
public class CommandsResource {

    /** A publication of one of this user's groups, and what this device did with it. */
    private final Link link;

    private final Journal journal;
    private final Inbox inbox;
    private final Folders folders;
    private final Daemon daemon;
    private final LogBuffer logs;
    private final TorrentEngine engine;

    CommandsResource(
            Link link,
            Journal journal,
            Inbox inbox,
            Folders folders,
            Daemon daemon,
            LogBuffer logs,
            TorrentEngine engine) {
        this.engine = engine;
        this.link = link;
        this.journal = journal;
        this.inbox = inbox;
        this.folders = folders;
        this.daemon = daemon;
        this.logs = logs;
    }

    @GET
    @Path("/publications")
    public List<Listed> publications() {
        var listed = new ArrayList<Listed>();
        for (PublicationView p : link.client().publications()) {
            Optional<Fetch> fetch = journal.fetch(p.id());
            boolean mine = journal.outboxEntries().stream().anyMatch(e -> p.id().equals(e.publicationId()));
            String local = fetch.map(f -> f.state.name().toLowerCase()).orElse(mine ? "published" : "not here");
            listed.add(new Listed(p, local, fetch.map(f -> f.deliveredPath).orElse(null)));
        }
        return listed;
    }

    /**
     * Publishes a file by putting a copy in the group's outbox, exactly as a user dropping it there
     * would: written under a hidden name, then renamed, so the outbox never sees a partial file.
     * The command sends the file's bytes, read with its user's rights; the daemon never opens a
     * path it is given, so the local API cannot be used to publish a file only the daemon may read,
     * such as its own journal (finding A11).
     */
    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Published publish(@QueryParam("group") String group, @QueryParam("name") String name, InputStream bytes)
            throws IOException {
        if (group == null || name == null || bytes == null) {
            throw new IllegalArgumentException("publishing needs a group, a file name and the file's bytes");
        }
        if (!daemon.groups().contains(group)) {
            throw new IllegalArgumentException("'" + group + "' is not one of your groups " + daemon.groups());
        }
        String safe = FileNames.requireSafe(name);
        java.nio.file.Path outbox = folders.outbox(Names.requireValid("group", group));
        java.nio.file.Path target = outbox.resolve(safe);
        if (Files.exists(target)) {
            throw new IllegalStateException("'" + safe + "' is already in the outbox of " + group);
        }
        java.nio.file.Path hidden = outbox.resolve("." + safe + ".swarmdrop-copy");
        try {
            Files.copy(bytes, hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            // A copy cut short (the command killed, the disk full) leaves nothing behind.
            Files.deleteIfExists(hidden);
        }
        return new Published(group, safe, target.toString());
    }

    /** Fetches a publication again, for example after its file was deleted from the inbox. */
    @POST
    @Path("/fetch/{id}")
    public Listed fetch(@PathParam("id") String id) {
        Names.requireValid("publication", id);
        Optional<Fetch> fetch = journal.fetch(id);
        if (fetch.isPresent() && fetch.get().state == Fetch.State.FETCHING) {
            throw new IllegalStateException("publication " + id + " is being fetched already");
        }
        if (fetch.isPresent()
                && fetch.get().deliveredPath != null
                && Files.exists(java.nio.file.Path.of(fetch.get().deliveredPath))) {
            throw new IllegalStateException("publication " + id + " is already at " + fetch.get().deliveredPath);
        }
        PublicationView publication = link.client().publication(id);
        // A delivered file is seeded from the inbox; that torrent must go before a fresh fetch.
        engine.remove(id, false);
        fetch.ifPresent(f -> journal.forgetFetch(id));
        inbox.accept(publication);
        return new Listed(publication, "fetching", null);
    }

    @GET
    @Path("/logs")
    @Produces(MediaType.TEXT_PLAIN)
    public String logs(@QueryParam("lines") @DefaultValue("100") int lines) {
        return String.join("\n", logs.last(Math.max(1, Math.min(lines, 2000)))) + "\n";
    }

    /** Enrols this device (again) as {@code user}, replacing any earlier enrolment. */
    @POST
    @Path("/enrol")
    @Consumes(MediaType.APPLICATION_JSON)
    public void enrol(Enrol request) {
        if (request == null || request.user() == null || request.password() == null) {
            throw new IllegalArgumentException("enrolling needs a user and a password");
        }
        link.enrol(request.user(), request.password(), request.deviceName());
    }
}
