package io.swarmdrop.daemon.status;

import io.swarmdrop.core.torrent.TorrentEngine;
import io.swarmdrop.core.torrent.TransferStatus;
import io.swarmdrop.daemon.Daemon;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.link.Link;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/** Local status on the loopback interface: the link, the groups and every transfer with its byte counters. */
@Path("/local/status")
public class StatusResource {

    public record Status(
            String user,
            String device,
            boolean connected,
            Set<String> groups,
            List<TransferStatus> transfers,
            List<Delivery> deliveries) {}

    /** A publication this daemon has received or refused, from its journal. */
    public record Delivery(
            String publicationId,
            String group,
            String name,
            long size,
            String state,
            String path,
            long downloadedBytes,
            String message) {}

    private final Daemon daemon;
    private final Link link;
    private final TorrentEngine engine;
    private final Journal journal;

    StatusResource(Daemon daemon, Link link, TorrentEngine engine, Journal journal) {
        this.journal = journal;
        this.daemon = daemon;
        this.link = link;
        this.engine = engine;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Status status() {
        List<Delivery> deliveries = journal.fetches().stream()
                .map(f -> new Delivery(
                        f.publicationId,
                        f.groupName,
                        f.fileName,
                        f.size,
                        f.state.name(),
                        f.deliveredPath,
                        f.downloadedBytes,
                        f.message))
                .toList();
        return new Status(
                link.user(), link.device(), daemon.isConnected(), daemon.groups(), engine.statuses(), deliveries);
    }
}
