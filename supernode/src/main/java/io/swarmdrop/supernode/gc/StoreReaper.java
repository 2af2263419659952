package io.swarmdrop.supernode.gc;

import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.publication.PublicationState;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import io.swarmdrop.supernode.seeding.Catalog;
import io.swarmdrop.supernode.seeding.Seeder;
import io.swarmdrop.supernode.seeding.StoredFile;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Drops this supernode's copies of removed publications: the half of collection every supernode
 * runs on its own store, while the elected collector ({@link CollectorJob}) decides what is removed.
 */
@Singleton
public class StoreReaper {

    private static final Logger LOG = Logger.getLogger(StoreReaper.class);

    private final Seeder seeder;
    private final Catalog catalog;
    private final Publications publications;
    private final NodeIdentity identity;

    StoreReaper(Seeder seeder, Catalog catalog, Publications publications, NodeIdentity identity) {
        this.seeder = seeder;
        this.catalog = catalog;
        this.publications = publications;
        this.identity = identity;
    }

    /**
     * Drops every stored file whose publication was removed (or is gone) from libtorrent, disk and
     * the catalog. Every supernode runs it; the elected collector only marks publications removed.
     */
    @Scheduled(every = "${swarmdrop.supernode.gc.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reap() {
        if (!seeder.isReady()) {
            return;
        }
        try {
            var known = new HashSet<String>();
            for (StoredFile row : catalog.rows()) {
                known.add(row.publicationId);
                try {
                    if (isRemoved(row.publicationId)) {
                        seeder.drop(row.publicationId, "'" + row.name + "' was removed");
                    }
                } catch (RuntimeException e) {
                    LOG.errorf("[publication=%s] could not drop its copy: %s", row.publicationId, e.getMessage());
                }
            }
            dropOrphans(known);
        } catch (RuntimeException e) {
            LOG.errorf("[node=%s] dropping removed files failed: %s", identity.node(), e.getMessage());
        }
    }

    /**
     * True only on an explicit removal record. A publication the cluster state does not know at
     * all is kept: after a ZooKeeper reset, or pointed at a fresh or foreign ensemble, every copy
     * would otherwise go within one round (finding D2). The copy is reported, once, for an
     * operator to restore the cluster state or delete it by hand.
     */
    private boolean isRemoved(String id) {
        var found = publications.find(id);
        if (found.isEmpty()) {
            seeder.reportUnknown(id);
            return false;
        }
        return found.get().state() == PublicationState.REMOVED;
    }

    /**
     * Deletes stored copies of removed publications that the catalog does not list. After a
     * SIGKILL, H2 was seen to have lost catalog rows written long before, and a copy without its
     * row would otherwise stay on disk for good. Copies of live publications are left for
     * placement, which rejoins them when this supernode should hold them.
     */
    private void dropOrphans(Set<String> known) {
        Path store = seeder.store();
        if (!Files.isDirectory(store)) {
            return;
        }
        try (var folders = Files.list(store)) {
            for (Path folder : folders.toList()) {
                String id = folder.getFileName().toString();
                if (known.contains(id) || seeder.holds(id) || !Names.isValid(id)) {
                    continue;
                }
                if (isRemoved(id)) {
                    seeder.drop(id, "an orphaned copy (no catalog row) of a removed publication");
                }
            }
        } catch (IOException e) {
            LOG.warnf("[node=%s] cannot list %s: %s", identity.node(), store, e.getMessage());
        }
    }
}
