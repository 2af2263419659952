package io.swarmdrop.supernode.seeding;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.api.TransferStatus;
import io.swarmdrop.core.files.FileTrees;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.engine.ResumeFiles;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TransferListener;
import io.swarmdrop.supernode.SupernodeConfig;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * This supernode's libtorrent session: it joins the swarms {@link Placement} gives it (and the one
 * of every publication it accepts), stores the whole file under
 * {@code <data-dir>/store/<publication>/} and keeps seeding it until it is dropped. Its catalog of
 * stored files is in H2, so a restart rejoins every swarm and continues unfinished fetches; what
 * it holds is also recorded in ZooKeeper ({@code holders}) for the other supernodes.
 */
@Singleton
public class Seeder implements TransferListener {

    private static final Logger LOG = Logger.getLogger(Seeder.class);

    private final TorrentEngine engine;
    private final MetainfoStore metainfo;
    private final NodeIdentity identity;
    private final Catalog catalog;
    private final Path store;
    private final ResumeFiles resume;
    private final Publications publications;
    /**
     * Set once the catalog is back in libtorrent. The scheduled jobs start with the application and
     * must not drop or touch rows while start-up is still rejoining them.
     */
    private volatile boolean ready;
    /** Every live supernode's tracker; until placement first lists them, this one's own. */
    private volatile List<String> trackers;
    /** Catalog writes triggered by libtorrent alerts run here, off the alert thread. */
    private final ExecutorService catalogWriter =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "catalog-writer"));

    Seeder(
            SupernodeConfig config,
            TorrentEngine engine,
            MetainfoStore metainfo,
            NodeIdentity identity,
            Catalog catalog,
            Publications publications) {
        this.publications = publications;
        this.engine = engine;
        this.metainfo = metainfo;
        this.identity = identity;
        this.catalog = catalog;
        this.store = Path.of(config.dataDir(), "store");
        this.resume = new ResumeFiles(Path.of(config.dataDir(), "resume"));
        this.trackers = List.of(identity.ownTrackerUrl());
        engine.addListener(this);
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        engine.start();
        List<StoredFile> rows = catalog.rows();
        for (StoredFile row : rows) {
            rejoin(row);
        }
        LOG.infof("[node=%s] seeding %d stored publications", identity.node(), rows.size());
        ready = true;
    }

    private void rejoin(StoredFile row) {
        if (isUnknown(row.publicationId)) {
            // Kept on disk for an operator (D2), but not seeded: a new publication of the same
            // file (after a ZooKeeper reset, say) must be able to take its info-hash in libtorrent.
            return;
        }
        var bytes = metainfo.read(row.publicationId);
        if (bytes.isEmpty()) {
            LOG.errorf("[publication=%s] catalog row without metainfo; not rejoining its swarm", row.publicationId);
            return;
        }
        Metainfo torrent = Metainfo.parse(bytes.get());
        engine.add(
                row.publicationId,
                torrent,
                store.resolve(row.publicationId),
                trackers,
                false,
                resume.read(row.publicationId).orElse(null));
    }

    /**
     * Joins a publication's swarm and fetches its whole file; its metainfo is already in the store.
     * Idempotent, and synchronized: the publish call and a placement round may join the same
     * publication at once (a large group's publication is visible before its publish call returns).
     */
    public synchronized void join(Publication publication, Metainfo torrent) {
        if (engine.contains(publication.id())) {
            return;
        }
        publications.hold(publication.id(), identity.node(), identity.zone(), false);
        catalog.add(publication);
        engine.add(publication.id(), torrent, store.resolve(publication.id()), trackers, false, null);
        LOG.infof(
                "[publication=%s] joined swarm of '%s' (%d bytes)",
                publication.id(), publication.name(), publication.size());
    }

    /** Announces every swarm to these trackers from now on (the live supernodes changed). */
    public void useTrackers(List<String> urls) {
        if (!urls.equals(trackers)) {
            trackers = List.copyOf(urls);
            engine.replaceTrackers(trackers);
        }
    }

    /** True when this supernode is in the publication's swarm (fetching or holding the file). */
    public boolean holds(String publicationId) {
        return engine.contains(publicationId);
    }

    /** Where the stored copies are: {@code <data-dir>/store/<publication>/}. */
    public Path store() {
        return store;
    }

    /** True once libtorrent has rejoined the catalog after a start. */
    public boolean isReady() {
        return ready;
    }

    /** A row of the catalog, for operators. */
    public record Stored(String publicationId, String group, String name, long size, String state) {}

    public List<Stored> catalog() {
        return catalog.rows().stream()
                .map(r -> new Stored(r.publicationId, r.groupName, r.name, r.size, r.state.name()))
                .toList();
    }

    public List<io.swarmdrop.core.api.PeerConnection> connections(String publicationId) {
        return engine.connections(publicationId);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void samplePeers() {
        if (ready) {
            engine.samplePeers();
        }
    }

    /** Gives SSL torrents a peer certificate they still lack, or a renewed one. */
    @Scheduled(
            every = "${swarmdrop.supernode.renew-certificates-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewCertificates() {
        if (ready) {
            engine.renewCertificates();
        }
    }

    /** This supernode's transfer of a publication, now or when it dropped it. */
    public java.util.Optional<TransferStatus> transfer(String publicationId) {
        return engine.lastStatus(publicationId);
    }

    public List<TransferStatus> transfers() {
        return engine.statuses();
    }

    /**
     * Saves resume data of unfinished fetches, so a crash loses little of what was fetched, and
     * retries transfers that stopped on an error (libtorrent never retries those by itself).
     */
    @Scheduled(
            every = "${swarmdrop.supernode.resume-data-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void saveResumeData() {
        if (!ready) {
            return;
        }
        for (TransferStatus status : engine.statuses()) {
            if (status.error() != null && engine.retryFailed(status.key())) {
                LOG.infof("[publication=%s] retrying after an error: %s", status.key(), status.error());
            }
            if (!status.finished()) {
                engine.saveResumeData(status.key());
            }
        }
    }

    /** True when the cluster state does not know the publication at all (reported once). */
    private boolean isUnknown(String id) {
        try {
            if (publications.find(id).isPresent()) {
                return false;
            }
        } catch (RuntimeException e) {
            LOG.warnf("[publication=%s] cannot read it from the cluster state (%s); rejoining", id, e.getMessage());
            return false;
        }
        reportUnknown(id);
        return true;
    }

    /** Reports, once per copy, a stored copy the cluster state does not know. */
    public void reportUnknown(String id) {
        if (unknown.size() < 10_000 && unknown.add(id)) {
            LOG.warnf(
                    "[publication=%s] this supernode stores a copy the cluster state does not know; kept, not seeded."
                            + " Restore the cluster state, or delete %s by hand once it is not needed",
                    id, store.resolve(id));
        }
    }

    /** Copies already reported as unknown to the cluster state (bounded). */
    private final java.util.Set<String> unknown = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Drops a copy this supernode no longer needs to hold (placement moved it elsewhere). */
    public void release(String id, String why) {
        if (ready && engine.contains(id)) {
            drop(id, why);
        }
    }

    /** Drops a copy from libtorrent, disk, the metainfo store, the catalog and the holders. */
    public void drop(String id, String name) {
        // libtorrent only lets go of the files; deleting them here, once, avoids racing its own
        // asynchronous delete.
        engine.remove(id, false);
        try {
            FileTrees.delete(store.resolve(id));
        } catch (IOException e) {
            LOG.warnf("[publication=%s] could not delete its stored copy: %s", id, e.getMessage());
        }
        metainfo.delete(id);
        catalog.remove(id);
        // After the row, on the thread that writes resume data, which skips a row that is gone.
        catalogWriter.execute(() -> resume.delete(id));
        publications.release(id, identity.node());
        LOG.infof("[publication=%s] dropped from this supernode: %s", id, name);
    }

    @Override
    public void finished(String key) {
        catalogWriter.execute(
                () -> catalog.markStored(key).ifPresent(name -> LOG.infof("[publication=%s] stored '%s'", key, name)));
        catalogWriter.execute(() -> {
            try {
                publications.hold(key, identity.node(), identity.zone(), true);
            } catch (RuntimeException e) {
                LOG.warnf("[publication=%s] could not record the stored copy: %s", key, e.getMessage());
            }
        });
        engine.saveResumeData(key);
    }

    @Override
    public void resumeData(String key, byte[] data) {
        catalogWriter.execute(() -> {
            if (catalog.contains(key)) { // else dropped while libtorrent was writing it
                resume.write(key, data);
            }
        });
    }

    @Override
    public void failed(String key, String message) {
        LOG.errorf("[publication=%s] storing failed: %s", key, message);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        ready = false;
        engine.close();
        catalogWriter.shutdown();
        catalogWriter.awaitTermination(10, TimeUnit.SECONDS);
    }
}
