package io.swarmdrop.supernode.publishing;

import io.swarmdrop.core.directory.DeviceRef;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.PublicationException;
import io.swarmdrop.core.publication.PublicationState;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.supernode.SupernodeConfig;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import io.swarmdrop.supernode.seeding.MetainfoSource;
import io.swarmdrop.supernode.seeding.MetainfoStore;
import io.swarmdrop.supernode.seeding.Seeder;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/** Accepting publications and receipts: membership checks, the target list, and joining the swarm. */
@Singleton
public class Publishing {

    private static final Logger LOG = Logger.getLogger(Publishing.class);

    private final Directory directory;
    private final Publications publications;
    private final Seeder seeder;
    private final MetainfoStore metainfo;
    private final MetainfoSource source;
    private final NodeIdentity identity;
    private final Clock clock;
    private final Path dataDir;
    private final long minFree;

    Publishing(
            Directory directory,
            Publications publications,
            Seeder seeder,
            MetainfoStore metainfo,
            MetainfoSource source,
            NodeIdentity identity,
            SupernodeConfig config,
            Clock clock) {
        this.dataDir = Path.of(config.dataDir());
        this.minFree = config.disk().minFree().asLongValue();
        this.source = source;
        this.directory = directory;
        this.publications = publications;
        this.seeder = seeder;
        this.metainfo = metainfo;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Records a publication from a member of {@code group}; its targets are the other members at
     * this instant. The supernode then joins the swarm to hold the whole file for members who are
     * offline now. The content type is the one the publishing daemon sniffed from the file's first
     * bytes (null when it sent none); the supernode cannot check it before it has the file.
     */
    public Publications.Created publish(DeviceRef publisher, String group, Metainfo torrent, String contentType) {
        if (!directory.isMember(group, publisher.user())) {
            LOG.infof("[user=%s] refused publication to group '%s': not a member", publisher.user(), group);
            throw new PublicationException(
                    PublicationException.Reason.NOT_A_MEMBER,
                    "user '" + publisher.user() + "' is not a member of group '" + group + "'");
        }
        requireCurrentRoot(group, torrent);
        var refusal = directory
                .policy(group)
                .admission()
                .refusal(torrent.name(), torrent.size(), contentType, publications.activeBytes(group));
        if (refusal.isPresent()) {
            LOG.infof(
                    "[user=%s] refused '%s' for group '%s': %s",
                    publisher.user(), torrent.name(), group, refusal.get());
            throw new PublicationException(
                    PublicationException.Reason.REFUSED_BY_POLICY,
                    "group '" + group + "' does not accept '" + torrent.name() + "': " + refusal.get());
        }
        if (publications.findPublished(group, torrent.infohashV2()).isEmpty()) {
            requireRoom(torrent); // a repeated call for a publication already made is answered as before
        }
        List<String> targets = directory.members(group).stream()
                .filter(m -> !m.equals(publisher.user()))
                .toList();
        var publication = new Publication(
                Secrets.newId(),
                group,
                torrent.name(),
                torrent.size(),
                torrent.infohashV1(),
                torrent.infohashV2(),
                publisher.user(),
                publisher.device(),
                identity.node(),
                clock.instant(),
                PublicationState.ACTIVE,
                identity.zone());
        // The metainfo is on disk before the publication becomes visible, so a recipient that
        // hears of it at once can always fetch its torrent.
        metainfo.save(publication.id(), torrent);
        var created = publications.create(publication, targets);
        if (created.isNew()) {
            LOG.infof(
                    "[publication=%s] '%s' (%d bytes) from %s to group %s, %d targets",
                    publication.id(), publication.name(), publication.size(), publisher.user(), group, targets.size());
        }
        if (!created.isNew()) {
            metainfo.delete(publication.id());
        }
        seeder.join(created.publication(), torrent);
        return created;
    }

    /**
     * Refuses a new publication whose file would leave less than {@code disk.min-free} on the data
     * folder's disk: the daemon keeps it in its outbox and asks again, with growing pauses, and
     * the supernode never starts a fetch it cannot finish.
     */
    private void requireRoom(Metainfo torrent) {
        long free;
        try {
            free = Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return; // cannot tell; the fetch reports a full disk itself
        }
        if (free - torrent.size() < minFree) {
            LOG.warnf(
                    "refused '%s' (%d MiB): %d MiB free on %s, %d MiB are kept free",
                    torrent.name(), torrent.size() >> 20, free >> 20, dataDir, minFree >> 20);
            throw new PublicationException(
                    PublicationException.Reason.INSUFFICIENT_STORAGE,
                    "this supernode's disk is nearly full (%d MiB free, %d MiB kept free): '%s' (%d MiB) waits in the outbox and is offered again later"
                            .formatted(free >> 20, minFree >> 20, torrent.name(), torrent.size() >> 20));
        }
    }

    /**
     * Every publication is an SSL torrent under the group's current peer root, so only the members
     * of this moment (and the supernodes) can get a certificate its peers accept. A root retired
     * since the daemon asked for it (someone left the group while the file was hashed) is a
     * conflict the daemon resolves by hashing again.
     */
    private void requireCurrentRoot(String group, Metainfo torrent) {
        if (!torrent.isSsl()) {
            throw new PublicationException(
                    PublicationException.Reason.INVALID_METAINFO,
                    "the torrent has no peer root (ssl-cert): publications are SSL torrents under the group's root,"
                            + " from POST /api/groups/" + group + "/peer-certificates");
        }
        String root = PeerRoots.idOf(torrent.peerRoot());
        if (directory.roots().isCurrent(group, root)) {
            return;
        }
        if (directory.roots().find(group, root).isPresent()) {
            throw new PublicationException(
                    PublicationException.Reason.STALE_PEER_ROOT,
                    "group '" + group + "' has a new peer root since this torrent was made; make it again");
        }
        throw new PublicationException(
                PublicationException.Reason.INVALID_METAINFO,
                "the torrent's peer root is not one of group '" + group + "'");
    }

    /** A publication the user may fetch: they are a member of its group. */
    public Publication readableBy(String user, String id) {
        Publication publication = publications
                .find(id)
                .orElseThrow(
                        () -> new PublicationException(PublicationException.Reason.NOT_FOUND, "no publication " + id));
        if (!directory.isMember(publication.group(), user) && !publications.isTarget(id, user)) {
            throw new PublicationException(
                    PublicationException.Reason.NOT_A_MEMBER,
                    "user '" + user + "' is not a member of group '" + publication.group() + "'");
        }
        return publication;
    }

    /** The metainfo, from this supernode or, when it has none yet, from one that holds the publication. */
    public byte[] metainfo(Publication publication) {
        return source.find(publication)
                .map(Metainfo::bytes)
                .orElseThrow(() -> new PublicationException(
                        PublicationException.Reason.NOT_FOUND,
                        "no live supernode holds the metainfo of " + publication.id() + " right now"));
    }

    public void acknowledge(DeviceRef device, String id) {
        if (publications.acknowledge(id, device.user(), device.device())) {
            LOG.infof("[publication=%s] received by %s (device %s)", id, device.user(), device.device());
        }
    }
}
