package io.swarmdrop.core.publication;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.cluster.ZkLayout;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/** Publications and their delivery state in ZooKeeper. */
public final class Publications {

    private final CuratorFramework zk;
    private final Clock clock;

    public Publications(CuratorFramework zk, Clock clock) {
        this.zk = zk;
        this.clock = clock;
    }

    /** What {@link #create} did: a new publication, or the existing one for the same torrent in the same group. */
    public record Created(Publication publication, boolean isNew) {}

    /**
     * Records a publication with its targets fixed now, in one transaction: the publication, its
     * targets, each target's pending marker and the info-hash index. Publishing the same torrent to
     * the same group again returns the existing publication, so a daemon that retries after a crash
     * does not publish twice.
     */
    public Created create(Publication publication, Collection<String> targets) {
        String group = publication.group();
        String id = publication.id();
        var ops = new ArrayList<CuratorOp>();
        try {
            ops.add(zk.transactionOp()
                    .create()
                    .forPath(ZkLayout.published(group, publication.infohashV2()), id.getBytes(StandardCharsets.UTF_8)));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.publication(id), Json.write(publication)));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.targets(id)));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.received(id)));
            for (String target : targets) {
                ops.add(zk.transactionOp().create().forPath(ZkLayout.target(id, target)));
                ops.add(zk.transactionOp().create().forPath(ZkLayout.pending(target, id)));
            }
            for (String hash : publication.announceHashes()) {
                ensure(ZkLayout.infohash(hash));
                ops.add(zk.transactionOp().create().forPath(ZkLayout.infohash(hash, id)));
            }
            zk.transaction().forOperations(ops);
            return new Created(publication, true);
        } catch (KeeperException.NodeExistsException e) {
            return existing(group, publication.infohashV2())
                    .map(p -> new Created(p, false))
                    .orElseThrow(() -> ClusterStateException.wrap("create publication " + id, e));
        } catch (Exception e) {
            throw ClusterStateException.wrap("create publication " + id, e);
        }
    }

    public Optional<Publication> find(String id) {
        if (!Names.isValid(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(zk.getData().forPath(ZkLayout.publication(id)), Publication.class));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw ClusterStateException.wrap("read publication " + id, e);
        }
    }

    /** Publication ids announced under a 40-hex-digit info-hash (v1, or truncated v2). */
    public List<String> idsForInfohash(String hex40) {
        return children(ZkLayout.infohash(hex40));
    }

    /** Publications {@code user} is a target of and has not acknowledged, oldest first. */
    public List<Publication> pendingFor(String user) {
        return children(ZkLayout.pending(user)).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(Publication::createdAt))
                .toList();
    }

    public List<String> targets(String id) {
        return children(ZkLayout.targets(id));
    }

    public List<String> receivedBy(String id) {
        return children(ZkLayout.received(id));
    }

    public boolean isTarget(String id, String user) {
        try {
            return zk.checkExists().forPath(ZkLayout.target(id, user)) != null;
        } catch (Exception e) {
            throw ClusterStateException.wrap("check target " + user + " of " + id, e);
        }
    }

    /**
     * Marks a publication removed, in one transaction with everything that must change with it:
     * its state, its removal record, the pending markers of the targets that never got it (moved
     * to their expired markers, so an offline daemon learns what it missed), and the indexes that
     * let the tracker and a new publication of the same torrent find it. Returns false when the
     * publication changed meanwhile (another collector got there first).
     */
    public boolean remove(String id, String reason, Collection<String> expiredTargets) {
        try {
            var stat = new Stat();
            Publication publication =
                    Json.read(zk.getData().storingStatIn(stat).forPath(ZkLayout.publication(id)), Publication.class);
            if (publication.state() == PublicationState.REMOVED) {
                return false;
            }
            var removal = new Removal(
                    clock.instant(), reason, expiredTargets.stream().sorted().toList());
            var ops = new ArrayList<CuratorOp>();
            ops.add(zk.transactionOp()
                    .setData()
                    .withVersion(stat.getVersion())
                    .forPath(ZkLayout.publication(id), Json.write(publication.withState(PublicationState.REMOVED))));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.removal(id), Json.write(removal)));
            for (String user : expiredTargets) {
                if (exists(ZkLayout.pending(user, id))) {
                    ops.add(zk.transactionOp().delete().forPath(ZkLayout.pending(user, id)));
                }
                if (exists(ZkLayout.expired(user))) {
                    ops.add(zk.transactionOp().create().forPath(ZkLayout.expired(user, id)));
                }
            }
            for (String hash : publication.announceHashes()) {
                if (exists(ZkLayout.infohash(hash, id))) {
                    ops.add(zk.transactionOp().delete().forPath(ZkLayout.infohash(hash, id)));
                }
            }
            String published = ZkLayout.published(publication.group(), publication.infohashV2());
            if (exists(published) && id.equals(new String(zk.getData().forPath(published), StandardCharsets.UTF_8))) {
                ops.add(zk.transactionOp().delete().forPath(published));
            }
            zk.transaction().forOperations(ops);
            return true;
        } catch (KeeperException.BadVersionException
                | KeeperException.NodeExistsException
                | KeeperException.NoNodeException e) {
            return false;
        } catch (Exception e) {
            throw ClusterStateException.wrap("remove publication " + id, e);
        }
    }

    /** Marks an active publication complete: every target has it, and the policy keeps it a while longer. */
    public void markComplete(String id) {
        try {
            var stat = new Stat();
            Publication publication =
                    Json.read(zk.getData().storingStatIn(stat).forPath(ZkLayout.publication(id)), Publication.class);
            if (publication.state() == PublicationState.ACTIVE) {
                zk.setData()
                        .withVersion(stat.getVersion())
                        .forPath(
                                ZkLayout.publication(id), Json.write(publication.withState(PublicationState.COMPLETE)));
            }
        } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
            // Changed or gone meanwhile; the next collection looks again.
        } catch (Exception e) {
            throw ClusterStateException.wrap("complete publication " + id, e);
        }
    }

    public Optional<Removal> removal(String id) {
        try {
            return Optional.of(Json.read(zk.getData().forPath(ZkLayout.removal(id)), Removal.class));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw ClusterStateException.wrap("read the removal of " + id, e);
        }
    }

    /**
     * Records that {@code node} holds a publication (its metainfo, and the whole file once
     * {@code complete}). Does nothing when the publication is gone.
     */
    public void hold(String id, String node, String zone, boolean complete) {
        byte[] data = Json.write(new Holder(node, zone, complete, clock.instant()));
        try {
            try {
                zk.setData().forPath(ZkLayout.holder(id, node), data);
            } catch (KeeperException.NoNodeException e) {
                // Never with parents: that would bring back a publication forgotten meanwhile.
                ensureChild(ZkLayout.holders(id));
                zk.create().forPath(ZkLayout.holder(id, node), data);
            }
        } catch (KeeperException.NoNodeException | KeeperException.NodeExistsException e) {
            // The publication was forgotten meanwhile, or another call of ours created the node.
        } catch (Exception e) {
            throw ClusterStateException.wrap("record " + node + " as a holder of " + id, e);
        }
    }

    /** {@code node} dropped its copy. */
    public void release(String id, String node) {
        try {
            zk.delete().forPath(ZkLayout.holder(id, node));
        } catch (KeeperException.NoNodeException e) {
            // Never held, or already released.
        } catch (Exception e) {
            throw ClusterStateException.wrap("release " + id + " on " + node, e);
        }
    }

    /** The supernodes that hold (or are fetching) a publication, alive or not. */
    public List<Holder> holders(String id) {
        var holders = new ArrayList<Holder>();
        for (String node : children(ZkLayout.holders(id))) {
            try {
                holders.add(Json.read(zk.getData().forPath(ZkLayout.holder(id, node)), Holder.class));
            } catch (KeeperException.NoNodeException e) {
                // Released while we listed.
            } catch (Exception e) {
                throw ClusterStateException.wrap("read holder " + node + " of " + id, e);
            }
        }
        return holders;
    }

    /**
     * Records how many bytes a target's device has fetched. Daemons report in steps of a tenth, so
     * ZooKeeper sees about ten writes per recipient and publication. Non-targets are ignored.
     */
    public void reportProgress(String id, String user, String device, long done) {
        if (!isTarget(id, user)) {
            throw new PublicationException(
                    PublicationException.Reason.NOT_A_TARGET,
                    "user '" + user + "' is not a recipient of publication " + id);
        }
        byte[] data = Json.write(new Progress(device, done, clock.instant()));
        try {
            try {
                zk.setData().forPath(ZkLayout.progress(id, user), data);
            } catch (KeeperException.NoNodeException e) {
                ensureChild(ZkLayout.progress(id));
                zk.create().forPath(ZkLayout.progress(id, user), data);
            }
        } catch (KeeperException.NoNodeException | KeeperException.NodeExistsException e) {
            // Forgotten meanwhile, or a concurrent report created it.
        } catch (Exception e) {
            throw ClusterStateException.wrap("record progress of " + id + " for " + user, e);
        }
    }

    /** The last reported progress of each recipient that reported any. */
    public java.util.Map<String, Progress> progress(String id) {
        var progress = new java.util.TreeMap<String, Progress>();
        for (String user : children(ZkLayout.progress(id))) {
            try {
                progress.put(user, Json.read(zk.getData().forPath(ZkLayout.progress(id, user)), Progress.class));
            } catch (KeeperException.NoNodeException e) {
                // Gone while we listed.
            } catch (Exception e) {
                throw ClusterStateException.wrap("read progress of " + id, e);
            }
        }
        return progress;
    }

    /** Deletes a removed publication's history for good. */
    public void forget(String id) {
        try {
            for (String user : targets(id)) {
                if (exists(ZkLayout.expired(user, id))) {
                    zk.delete().forPath(ZkLayout.expired(user, id));
                }
            }
            zk.delete().deletingChildrenIfNeeded().forPath(ZkLayout.publication(id));
        } catch (KeeperException.NoNodeException e) {
            // Already forgotten.
        } catch (Exception e) {
            throw ClusterStateException.wrap("forget publication " + id, e);
        }
    }

    /** Publications that were removed before {@code user} received them and that the user has not dismissed. */
    public List<Publication> expiredFor(String user) {
        return children(ZkLayout.expired(user)).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The user has seen the report of an expired publication. */
    public void dismissExpired(String user, String id) {
        try {
            zk.delete().forPath(ZkLayout.expired(user, id));
        } catch (KeeperException.NoNodeException e) {
            // Dismissed before.
        } catch (Exception e) {
            throw ClusterStateException.wrap("dismiss " + id + " for " + user, e);
        }
    }

    private boolean exists(String path) throws Exception {
        return zk.checkExists().forPath(path) != null;
    }

    /** Bytes of the group's publications that are still active (their files are on the supernodes). */
    public long activeBytes(String group) {
        long total = 0;
        for (String v2hash : children(ZkLayout.published(group))) {
            try {
                String id = new String(zk.getData().forPath(ZkLayout.published(group, v2hash)), StandardCharsets.UTF_8);
                total += find(id).filter(p -> p.state() == PublicationState.ACTIVE)
                        .map(Publication::size)
                        .orElse(0L);
            } catch (KeeperException.NoNodeException e) {
                // Removed while we counted.
            } catch (Exception e) {
                throw ClusterStateException.wrap("count the bytes of " + group, e);
            }
        }
        return total;
    }

    public List<String> ids() {
        return children(ZkLayout.PUBLICATIONS);
    }

    /**
     * Records that {@code user} holds the whole file. Idempotent: a repeated acknowledgement changes
     * nothing and returns false. The receipt and the removal of the pending marker are one
     * transaction, so a crash never leaves one without the other.
     */
    public boolean acknowledge(String id, String user, String device) {
        if (!isTarget(id, user)) {
            throw new PublicationException(
                    PublicationException.Reason.NOT_A_TARGET,
                    "user '" + user + "' is not a recipient of publication " + id);
        }
        var receipt = new Receipt(device, clock.instant());
        try {
            zk.transaction()
                    .forOperations(
                            zk.transactionOp().create().forPath(ZkLayout.receipt(id, user), Json.write(receipt)),
                            zk.transactionOp().delete().forPath(ZkLayout.pending(user, id)));
            return true;
        } catch (KeeperException.NodeExistsException | KeeperException.NoNodeException e) {
            return false;
        } catch (Exception e) {
            throw ClusterStateException.wrap("acknowledge " + id + " for " + user, e);
        }
    }

    private Optional<Publication> existing(String group, String infohashV2) {
        try {
            byte[] id = zk.getData().forPath(ZkLayout.published(group, infohashV2));
            return find(new String(id, StandardCharsets.UTF_8));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw ClusterStateException.wrap("read published index of " + group, e);
        }
    }

    private void ensureChild(String path) throws Exception {
        try {
            zk.create().forPath(path);
        } catch (KeeperException.NodeExistsException e) {
            // Another supernode created it.
        }
    }

    private void ensure(String path) throws Exception {
        try {
            zk.create().creatingParentsIfNeeded().forPath(path);
        } catch (KeeperException.NodeExistsException e) {
            // Another publication of the same torrent created it.
        }
    }

    private List<String> children(String path) {
        try {
            return zk.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw ClusterStateException.wrap("list " + path, e);
        }
    }
}
