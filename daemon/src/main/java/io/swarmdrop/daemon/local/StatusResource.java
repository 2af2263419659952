package io.swarmdrop.daemon.local;

import io.swarmdrop.core.api.LocalStatus;
import io.swarmdrop.core.api.PeerConnection;
import io.swarmdrop.daemon.Daemon;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.lan.Lan;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.daemon.outbox.Outbox;
import io.swarmdrop.daemon.upnp.PortMapping;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeMap;

/** Local status on the loopback interface: the link, the groups and every transfer with its byte counters. */
@Path("/local/status")
public class StatusResource {

    private final Daemon daemon;
    private final Link link;
    private final TorrentEngine engine;
    private final Journal journal;

    private final PortMapping portMapping;

    private final Lan lan;
    private final Outbox outbox;

    StatusResource(
            Daemon daemon,
            Link link,
            TorrentEngine engine,
            Journal journal,
            PortMapping portMapping,
            Lan lan,
            Outbox outbox) {
        this.lan = lan;
        this.outbox = outbox;
        this.portMapping = portMapping;
        this.journal = journal;
        this.daemon = daemon;
        this.link = link;
        this.engine = engine;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public LocalStatus status() {
        List<LocalStatus.Delivery> deliveries = journal.fetches().stream()
                .map(f -> new LocalStatus.Delivery(
                        f.publicationId,
                        f.groupName,
                        f.fileName,
                        f.size,
                        f.state.name(),
                        f.deliveredPath,
                        f.downloadedBytes,
                        f.message))
                .toList();
        List<LocalStatus.OutboxEntry> outboxEntries = journal.outboxEntries().stream()
                .map(e -> new LocalStatus.OutboxEntry(
                        e.group(), e.name(), e.size(), e.state().name(), e.publicationId(), e.message()))
                .toList();
        var connections = new TreeMap<String, List<PeerConnection>>();
        deliveries.forEach(d -> connections.put(d.publicationId(), engine.connections(d.publicationId())));
        engine.statuses().forEach(t -> connections.put(t.key(), engine.connections(t.key())));
        return new LocalStatus(
                link.user(),
                link.device(),
                link.zone().orElse(null),
                link.client().baseUrl(),
                daemon.isConnected(),
                daemon.groups(),
                engine.statuses(),
                deliveries,
                outboxEntries,
                outbox.hashing(),
                connections,
                portMapping.status(),
                lan.status());
    }
}
