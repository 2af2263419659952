package io.swarmdrop.daemon.status;

import io.swarmdrop.core.torrent.TorrentEngine;
import io.swarmdrop.core.torrent.TransferStatus;
import io.swarmdrop.daemon.Daemon;
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
            String user, String device, boolean connected, Set<String> groups, List<TransferStatus> transfers) {}

    private final Daemon daemon;
    private final Link link;
    private final TorrentEngine engine;

    StatusResource(Daemon daemon, Link link, TorrentEngine engine) {
        this.daemon = daemon;
        this.link = link;
        this.engine = engine;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Status status() {
        return new Status(link.user(), link.device(), daemon.isConnected(), daemon.groups(), engine.statuses());
    }
}
