package io.swarmdrop.daemon.local;

import io.swarmdrop.daemon.Daemon;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.lan.Lan;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.daemon.outbox.Outbox;
import io.swarmdrop.daemon.upnp.PortMapper;
import io.swarmdrop.daemon.upnp.PortMapping;
import io.swarmdrop.engine.PeerConnection;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TransferStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Local status on the loopback interface: the link, the groups and every transfer with its byte counters. */
@Path("/local/status")
public class StatusResource {

    /**
     * @param supernode the URL of the supernode attached to
     * @param outbox every file seen in an outbox: published (with its publication id) or refused
     *     (with the reason; the file stays where it is and is tried again once it changes)
     * @param hashing outbox files being hashed before they are published, with their progress
     * @param connections by publication id, the peers each transfer exchanged bytes with
     * @param upnp the mapping of the BitTorrent port on the router
     * @param lan LAN mode, local groups and the daemons heard on the LAN
     */
    public record Status(
            String user,
            String device,
            String zone,
            String supernode,
            boolean connected,
            Set<String> groups,
            List<TransferStatus> transfers,
            List<Delivery> deliveries,
            List<Journal.OutboxEntry> outbox,
            List<Outbox.Hashing> hashing,
            Map<String, List<PeerConnection>> connections,
            PortMapper.Status upnp,
            Lan.Status lan) {}

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
        var connections = new TreeMap<String, List<PeerConnection>>();
        deliveries.forEach(d -> connections.put(d.publicationId(), engine.connections(d.publicationId())));
        engine.statuses().forEach(t -> connections.put(t.key(), engine.connections(t.key())));
        return new Status(
                link.user(),
                link.device(),
                link.zone().orElse(null),
                link.client().baseUrl(),
                daemon.isConnected(),
                daemon.groups(),
                engine.statuses(),
                deliveries,
                journal.outboxEntries(),
                outbox.hashing(),
                connections,
                portMapping.status(),
                lan.status());
    }
}
