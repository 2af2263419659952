package io.swarmdrop.supernode.seeding;

import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.placement.Rendezvous;
import io.swarmdrop.core.publication.Holder;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.PublicationState;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import io.swarmdrop.supernode.cluster.NodeRegistration;
import io.swarmdrop.supernode.tracker.Tracker;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Decides, on every supernode for itself, which publications it holds (docs/ARCHITECTURE.md,
 * "Zones"). It holds a publication while it is
 *
 * <ul>
 *   <li>a <b>replica</b>: one of the group's replication factor of live supernodes chosen by
 *       {@link Rendezvous#replicas}, at least one in the publisher's zone; or
 *   <li>its zone's <b>carrier</b> ({@link Rendezvous#zoneCarrier}) while devices of its zone are
 *       fetching: the only supernode of the zone that fetches across zones; or
 *   <li>any holder whose copy is still needed: devices of its zone are fetching from it, or not
 *       every replica has the whole file yet (so nothing is dropped before it exists elsewhere).
 * </ul>
 *
 * Every supernode computes the same answer from ZooKeeper (the live supernodes, the holders) and
 * its own tracker (the devices of its zone), so no supernode tells another what to do. When a
 * replica disappears, the next in the ranking becomes one and fetches from the others.
 */
@Singleton
public class Placement {

    private static final Logger LOG = Logger.getLogger(Placement.class);

    private final Seeder seeder;
    private final MetainfoSource metainfo;
    private final Publications publications;
    private final Directory directory;
    private final NodeRegistration registration;
    private final NodeIdentity identity;
    private final Tracker tracker;

    Placement(
            Seeder seeder,
            MetainfoSource metainfo,
            Publications publications,
            Directory directory,
            NodeRegistration registration,
            NodeIdentity identity,
            Tracker tracker) {
        this.seeder = seeder;
        this.metainfo = metainfo;
        this.publications = publications;
        this.directory = directory;
        this.registration = registration;
        this.identity = identity;
        this.tracker = tracker;
    }

    @Scheduled(
            every = "${swarmdrop.supernode.placement-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void place() {
        if (!seeder.isReady()) {
            return;
        }
        try {
            seeder.useTrackers(registration.trackerUrls());
            List<Rendezvous.Node> live = registration.liveNodes();
            for (String id : publications.ids()) {
                publications
                        .find(id)
                        .filter(p -> p.state() != PublicationState.REMOVED)
                        .ifPresent(p -> place(p, live));
            }
        } catch (RuntimeException e) {
            LOG.warnf("[node=%s] placement skipped this round: %s", identity.node(), e.getMessage());
        }
    }

    /** A device of this zone started fetching: the zone's carrier joins at once, not on the next round. */
    void onDemand(@ObservesAsync Tracker.Demand demand) {
        if (!seeder.isReady() || seeder.holds(demand.publication().id())) {
            return;
        }
        try {
            place(demand.publication(), registration.liveNodes());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "[publication=%s] placement failed: %s",
                    demand.publication().id(), e.getMessage());
        }
    }

    private synchronized void place(Publication publication, List<Rendezvous.Node> live) {
        String id = publication.id();
        String me = identity.node();
        int factor = directory.policy(publication.group()).replication().copies();
        String home = publication.zone() == null ? identity.zone() : publication.zone();
        List<String> replicas = Rendezvous.replicas(id, live, home, factor).stream()
                .map(Rendezvous.Node::name)
                .toList();
        boolean replica = replicas.contains(me);
        boolean zoneFetching = tracker.hasDeviceLeechers(publication);
        boolean carrier = zoneFetching
                && Rendezvous.zoneCarrier(id, live, identity.zone())
                        .map(n -> n.name().equals(me))
                        .orElse(false);
        boolean holding = seeder.holds(id);
        if (!holding && (replica || carrier)) {
            Optional<Metainfo> torrent = metainfo.find(publication);
            if (torrent.isEmpty()) {
                LOG.warnf("[publication=%s] no live supernode has its metainfo yet; trying again later", id);
                return;
            }
            LOG.infof(
                    "[publication=%s] joining as %s",
                    id, replica ? "a replica " + replicas : "the carrier of zone " + identity.zone());
            seeder.join(publication, torrent.get());
        } else if (holding && !replica && !zoneFetching && replicasComplete(id, replicas)) {
            seeder.release(
                    id,
                    "the replicas " + replicas + " hold it and no device of zone " + identity.zone() + " is fetching");
        }
    }

    private boolean replicasComplete(String id, List<String> replicas) {
        Set<String> complete = publications.holders(id).stream()
                .filter(Holder::complete)
                .map(Holder::node)
                .collect(Collectors.toSet());
        return !replicas.isEmpty() && complete.containsAll(replicas);
    }
}
