package io.swarmdrop.supernode.tracker;

import io.swarmdrop.core.bencode.Bencode;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.PublicationState;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.SupernodeConfig;
import io.swarmdrop.supernode.cluster.NodeRegistration;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Decides announces: who is asking, for which swarm, and which peers they get. See package-info. */
@Singleton
public class Tracker {

    private static final Logger LOG = Logger.getLogger(Tracker.class);

    private final Directory directory;
    private final Publications publications;
    private final NodeRegistration supernodes;
    private final Swarms swarms;
    private final int interval;
    private final String zone;
    private final Clock clock;
    private final Event<Demand> demand;

    Tracker(
            Directory directory,
            Publications publications,
            NodeRegistration supernodes,
            Clock clock,
            SupernodeConfig config,
            Event<Demand> demand) {
        this.directory = directory;
        this.publications = publications;
        this.supernodes = supernodes;
        this.clock = clock;
        this.demand = demand;
        this.zone = config.zone();
        this.interval = config.trackerInterval();
        this.swarms = new Swarms(clock, Duration.ofSeconds(3L * interval));
    }

    /** Answers one announce with bencoded bytes: peers, or a failure reason. */
    public byte[] announce(String rawQuery, String headerPasskey, InetAddress remote) {
        try {
            return answer(AnnounceRequest.parse(rawQuery, headerPasskey), remote);
        } catch (AnnounceException e) {
            LOG.debugf("announce from %s refused: %s", remote, e.getMessage());
            return Bencode.encode(Map.of("failure reason", e.getMessage()));
        }
    }

    /**
     * Who announced: a device of {@code user}, or a supernode ({@code user} null).
     *
     * @param label how peer records name it: "user/device" or "supernode:node"
     * @param zone a supernode's own zone; a device is in this tracker's zone, since daemons only
     *     announce to the supernodes of their zone
     * @param peerHost where a supernode says peers reach it (its record), null for a device: a
     *     supernode's announce may come over loopback or from another interface than it serves
     *     peers on, a device's comes from where its peers find it
     * @param peerPort the port of that record
     */
    private record Announcer(String user, String label, String zone, String peerHost, int peerPort) {
        boolean isSupernode() {
            return user == null;
        }
    }

    /** Peers already reported as advertising loopback to other hosts; bounded, so a flood cannot grow it. */
    private final Set<String> reportedLoopback = ConcurrentHashMap.newKeySet();

    private static final int MAX_REPORTED = 1_000;

    /** A device of this tracker's zone is fetching a publication: its zone's carrier should hold it. */
    public record Demand(Publication publication) {}

    private byte[] answer(AnnounceRequest request, InetAddress remote) {
        Announcer who = announcer(request.passkey());
        Publication publication = publicationFor(request.infohash(), who)
                .orElseThrow(() -> new AnnounceException("unknown torrent, or not one of your groups' publications"));
        String swarm = publication.infohashV2();
        boolean seed = request.left() == 0;
        InetAddress address = remote;
        int port = request.port();
        if (who.peerHost() != null) {
            try {
                address = InetAddress.getByName(who.peerHost());
                port = who.peerPort();
            } catch (UnknownHostException e) {
                LOG.warnf(
                        "[%s] advertises peer host %s, which does not resolve; using %s",
                        who.label(), who.peerHost(), remote.getHostAddress());
            }
        }
        var peer = new Swarms.Peer(
                request.peerId(), address, port, seed, who.label(), who.zone(), who.isSupernode(), clock.instant());
        List<Swarms.Peer> peers =
                reachable(peer, swarms.announce(swarm, peer, request.event().equals("stopped"), request.numwant()));
        if (!who.isSupernode() && !seed) {
            demand.fireAsync(new Demand(publication));
        }
        Swarms.Counts counts = swarms.counts(swarm);
        var response = new LinkedHashMap<String, Object>();
        response.put("interval", interval);
        response.put("min interval", Math.max(5, interval / 3));
        response.put("complete", counts.seeds());
        response.put("incomplete", counts.leechers());
        if (request.compact()) {
            response.put("peers", compact(peers, true));
            byte[] v6 = compact(peers, false);
            if (v6.length > 0) {
                response.put("peers6", v6);
            }
        } else {
            response.put(
                    "peers",
                    peers.stream()
                            // No "peer id": it is what another announcer would need to take
                            // over or stop a peer's record (finding A8); BEP 3 clients do without.
                            .map(p -> Map.of("ip", p.address().getHostAddress(), "port", p.port()))
                            .toList());
        }
        return Bencode.encode(response);
    }

    private Announcer announcer(String passkey) {
        var device = directory.resolvePasskey(passkey);
        if (device.isPresent()) {
            return new Announcer(
                    device.get().user(),
                    device.get().user() + "/" + device.get().device(),
                    zone,
                    null,
                    0);
        }
        return supernodes
                .findByPasskeyHash(Secrets.hash(passkey))
                .map(s -> new Announcer(null, "supernode:" + s.node(), s.zone(), s.peerHost(), s.peerPort()))
                .orElseThrow(() -> new AnnounceException("passkey not valid or revoked"));
    }

    /**
     * Leaves out the peers at a loopback address when the one asking is on another host: it could
     * only reach something of its own under that address. Each such peer is reported once, since
     * it is a misconfiguration (a supernode without a public URL) and not a passing state.
     */
    private List<Swarms.Peer> reachable(Swarms.Peer asking, List<Swarms.Peer> peers) {
        if (asking.address().isLoopbackAddress()) {
            return peers;
        }
        var reachable = new java.util.ArrayList<Swarms.Peer>(peers.size());
        for (Swarms.Peer peer : peers) {
            if (!peer.address().isLoopbackAddress()) {
                reachable.add(peer);
            } else if (reportedLoopback.size() < MAX_REPORTED && reportedLoopback.add(peer.who())) {
                LOG.errorf(
                        "[%s] is in the swarm at %s, which %s at %s cannot reach; left out of its answers"
                                + " (a supernode needs swarmdrop.supernode.public-url or torrent.advertised-host)",
                        peer.who(),
                        peer.address().getHostAddress(),
                        asking.who(),
                        asking.address().getHostAddress());
            }
        }
        return reachable;
    }

    /** A supernode may join any swarm; a device only those of its user's groups. */
    private Optional<Publication> publicationFor(String infohash, Announcer who) {
        for (String id : publications.idsForInfohash(infohash)) {
            Optional<Publication> found = publications
                    .find(id)
                    .filter(p -> p.state() != PublicationState.REMOVED)
                    .filter(p -> who.user() == null || directory.isMember(p.group(), who.user()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** BEP 23 (IPv4, 6 bytes per peer) or BEP 7 (IPv6, 18 bytes per peer). */
    private static byte[] compact(List<Swarms.Peer> peers, boolean v4) {
        var out = new ByteArrayOutputStream();
        for (Swarms.Peer peer : peers) {
            if ((peer.address() instanceof Inet4Address) == v4) {
                out.writeBytes(peer.address().getAddress());
                out.write(peer.port() >> 8);
                out.write(peer.port() & 0xff);
            }
        }
        return out.toByteArray();
    }

    /** True when a device of this zone announced lately that it is still fetching the publication. */
    public boolean hasDeviceLeechers(Publication publication) {
        return swarms.hasDeviceLeechers(publication.infohashV2());
    }

    /** A peer record, for operators: who announced (with which peer id), from where, in which zone, and whether it is a seed. */
    public record PeerRecord(String who, String peerId, String zone, String address, int port, boolean seed) {}

    /** The peer records of a publication's swarm. */
    public List<PeerRecord> peers(Publication publication) {
        return swarms.peers(publication.infohashV2()).stream()
                .map(p -> new PeerRecord(
                        p.who(), p.peerId(), p.zone(), p.address().getHostAddress(), p.port(), p.seed()))
                .toList();
    }
}
