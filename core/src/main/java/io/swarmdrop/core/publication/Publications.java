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
     * Targets whose markers go into one ZooKeeper transaction. A request larger than the server's
     * {@code jute.maxbuffer} (1 MB by default, about 5,000 targets' markers) is refused and costs the
     * client its connection, so a large group's markers are written in several transactions.
     */
    static final int TARGETS_PER_TRANSACTION = 500;

    /**
     * Records a publication with its targets fixed now. The first transaction is the commit point:
     * the publication, the list of its targets (the data of its targets node), the info-hash index
     * and the markers of up to {@link #TARGETS_PER_TRANSACTION} targets (a target node and a pending
     * marker each); the markers of a larger group follow in further transactions, and {@link
     * #completeTargets} writes the ones a crash left out. Publishing the same torrent to the same
     * group again returns the existing publication, so a daemon that retries after a crash does not
     * publish twice.
     */
    public Created create(Publication publication, Collection<String> targets) {
        String group = publication.group();
        String id = publication.id();
        List<String> all = List.copyOf(targets);
        int inFirst = Math.min(all.size(), TARGETS_PER_TRANSACTION);
        var ops = new ArrayList<CuratorOp>();
        try {
            ops.add(zk.transactionOp()
                    .create()
                    .forPath(ZkLayout.published(group, publication.infohashV2()), id.getBytes(StandardCharsets.UTF_8)));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.publication(id), Json.write(publication)));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.targets(id), Json.write(all)));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.received(id)));
            ops.addAll(targetOps(id, all.subList(0, inFirst)));
            for (String hash : publication.announceHashes()) {
                ensure(ZkLayout.infohash(hash));
                ops.add(zk.transactionOp().create().forPath(ZkLayout.infohash(hash, id)));
            }
            zk.transaction().forOperations(ops);
        } catch (KeeperException.NodeExistsException e) {
            Publication first = existing(group, publication.infohashV2())
                    .orElseThrow(() -> ClusterStateException.wrap("create publication " + id, e));
            completeTargets(first.id());
            return new Created(first, false);
        } catch (Exception e) {
            throw ClusterStateException.wrap("create publication " + id, e);
        }
        try {
            writeInChunks(all.subList(inFirst, all.size()), chunk -> targetOps(id, chunk));
        } catch (Exception e) {
            throw ClusterStateException.wrap("add targets to " + id, e);
        }
        return new Created(publication, true);
    }

    /**
     * Writes the target markers that {@link #create} left out when its supernode died between
     * transactions; returns how many. Cheap when nothing is missing: one read of the targets node.
     */
    public int completeTargets(String id) {
        try {
            var stat = new Stat();
            byte[] data = zk.getData().storingStatIn(stat).forPath(ZkLayout.targets(id));
            List<String> intended = targetList(data, id);
            if (stat.getNumChildren() >= intended.size()) {
                return 0;
            }
            var present = new java.util.HashSet<>(children(ZkLayout.targets(id)));
            List<String> missing =
                    intended.stream().filter(t -> !present.contains(t)).toList();
            writeInChunks(missing, chunk -> targetOps(id, chunk));
            return missing.size();
        } catch (KeeperException.NoNodeException e) {
            return 0;
        } catch (Exception e) {
            throw ClusterStateException.wrap("complete the targets of " + id, e);
        }
    }

    private List<CuratorOp> targetOps(String id, List<String> chunk) throws Exception {
        var ops = new ArrayList<CuratorOp>();
        for (String target : chunk) {
            ops.add(zk.transactionOp().create().forPath(ZkLayout.target(id, target)));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.pending(target, id)));
        }
        return ops;
    }

    /** The ZooKeeper operations for some users, which must be written together for each user. */
    private interface UserOps {
        List<CuratorOp> of(List<String> users) throws Exception;
    }

    /**
     * Writes the users' operations in transactions of {@link #TARGETS_PER_TRANSACTION} users, so a
     * user's operations (a target node and its pending marker, say) are never written apart. A
     * chunk that meets a node written or deleted meanwhile (a concurrent repair, a receipt, another
     * collector, a deleted user) is written user by user instead, skipping the users it meets.
     */
    private void writeInChunks(List<String> users, UserOps ops) throws Exception {
        for (int from = 0; from < users.size(); from += TARGETS_PER_TRANSACTION) {
            List<String> chunk = users.subList(from, Math.min(users.size(), from + TARGETS_PER_TRANSACTION));
            try {
                commit(ops.of(chunk));
            } catch (KeeperException.NodeExistsException | KeeperException.NoNodeException e) {
                for (String user : chunk) {
                    try {
                        commit(ops.of(List.of(user)));
                    } catch (KeeperException.NodeExistsException | KeeperException.NoNodeException again) {
                        // Someone else got to this user first, or the user is gone.
                    }
                }
            }
        }
    }

    private void commit(List<CuratorOp> ops) throws Exception {
        if (!ops.isEmpty()) {
            zk.transaction().forOperations(ops);
        }
    }

    /** The targets node holds the list; publications recorded before it did have only the child nodes. */
    private List<String> targetList(byte[] data, String id) {
        if (data == null || data.length == 0) {
            return children(ZkLayout.targets(id));
        }
        return List.of(Json.read(data, String[].class));
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
                // A removal of a large group moves its pending markers after its commit point.
                .filter(p -> p.state() != PublicationState.REMOVED)
                .sorted(java.util.Comparator.comparing(Publication::createdAt))
                .toList();
    }

    /** The targets fixed when the publication was created, whether or not all their markers are written yet. */
    public List<String> targets(String id) {
        try {
            return targetList(zk.getData().forPath(ZkLayout.targets(id)), id);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw ClusterStateException.wrap("read the targets of " + id, e);
        }
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
     * Marks a publication removed. The first transaction is the commit point: its state, its removal
     * record, the indexes that let the tracker and a new publication of the same torrent find it,
     * and, for up to {@link #TARGETS_PER_TRANSACTION} targets that never got it, the move of their
     * pending marker to an expired marker (so an offline daemon learns what it missed). The moves of
     * a larger group follow in further transactions; the record says when they are all done, and
     * {@link #finishRemoval} completes them after a crash. Returns false when the publication changed
     * meanwhile (another collector got there first).
     */
    public boolean remove(String id, String reason, Collection<String> expiredTargets) {
        try {
            var stat = new Stat();
            Publication publication =
                    Json.read(zk.getData().storingStatIn(stat).forPath(ZkLayout.publication(id)), Publication.class);
            if (publication.state() == PublicationState.REMOVED) {
                return false;
            }
            List<String> expired = expiredTargets.stream().sorted().toList();
            int inFirst = Math.min(expired.size(), TARGETS_PER_TRANSACTION);
            var removal = new Removal(clock.instant(), reason, expired, inFirst == expired.size());
            var ops = new ArrayList<CuratorOp>();
            ops.add(zk.transactionOp()
                    .setData()
                    .withVersion(stat.getVersion())
                    .forPath(ZkLayout.publication(id), Json.write(publication.withState(PublicationState.REMOVED))));
            ops.add(zk.transactionOp().create().forPath(ZkLayout.removal(id), Json.write(removal)));
            ops.addAll(expiryOps(id, expired.subList(0, inFirst)));
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
            if (!removal.markersMoved()) {
                finishRemoval(id);
            }
            return true;
        } catch (KeeperException.BadVersionException
                | KeeperException.NodeExistsException
                | KeeperException.NoNodeException e) {
            return false;
        } catch (Exception e) {
            throw ClusterStateException.wrap("remove publication " + id, e);
        }
    }

    /**
     * Moves the pending markers of a removed publication's expired targets that {@link #remove} has
     * not moved yet, and records that they are all moved. Does nothing once they are.
     */
    public void finishRemoval(String id) {
        try {
            var stat = new Stat();
            Removal removal = Json.read(zk.getData().storingStatIn(stat).forPath(ZkLayout.removal(id)), Removal.class);
            if (removal.markersMoved()) {
                return;
            }
            writeInChunks(removal.expired(), chunk -> expiryOps(id, chunk));
            zk.setData()
                    .withVersion(stat.getVersion())
                    .forPath(ZkLayout.removal(id), Json.write(removal.withMarkersMoved()));
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
            // Forgotten, or finished by another collector, meanwhile.
        } catch (Exception e) {
            throw ClusterStateException.wrap("finish the removal of " + id, e);
        }
    }

    /** For each user whose pending marker is still there, the move of that marker to an expired one. */
    private List<CuratorOp> expiryOps(String id, List<String> users) throws Exception {
        var ops = new ArrayList<CuratorOp>();
        for (String user : users) {
            if (exists(ZkLayout.pending(user, id))) {
                ops.add(zk.transactionOp().delete().forPath(ZkLayout.pending(user, id)));
                if (exists(ZkLayout.expired(user))) {
                    ops.add(zk.transactionOp().create().forPath(ZkLayout.expired(user, id)));
                }
            }
        }
        return ops;
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

    /**
     * Bytes of the group's active publications whose file a supernode holds complete. A declared
     * size is a claim: a 220-byte metainfo declaring 1 TiB, never uploaded, once made the group's
     * byte quota refuse every real file for its whole retention time. A file still on its way in
     * counts once a supernode has all of it.
     */
    public long activeBytes(String group) {
        long total = 0;
        for (String v2hash : children(ZkLayout.published(group))) {
            try {
                String id = new String(zk.getData().forPath(ZkLayout.published(group, v2hash)), StandardCharsets.UTF_8);
                total += find(id).filter(p -> p.state() == PublicationState.ACTIVE)
                        .filter(p -> holders(id).stream().anyMatch(Holder::complete))
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

    /** The publication of this torrent in {@code group}, if it was published there already. */
    public Optional<Publication> findPublished(String group, String infohashV2) {
        return existing(group, infohashV2);
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
