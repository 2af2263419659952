package io.swarmdrop.core.directory;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.security.PeerRoots;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The peer roots of each group in ZooKeeper, shared by every supernode (any of them issues
 * certificates of any root) under the cluster's ACL. A group has one current root, which new
 * publications carry; it is retired when the group loses someone (a member removed, a device
 * revoked, a user disabled), so what is published afterwards needs a certificate that only the
 * remaining members can get. Retired roots stay while the publications made under them may.
 */
public final class GroupRoots {

    /** A root as stored. The key is the group's to keep: it is readable by Swarmdrop's own processes only. */
    public record StoredRoot(String certificate, String key) {}

    private final CuratorFramework zk;

    public GroupRoots(CuratorFramework zk) {
        this.zk = zk;
    }

    /** The group's current root, made now if it has none (a new group, or its root was retired). */
    public PeerRoots.Root current(String group) {
        Names.requireValid("group", group);
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                var stat = new Stat();
                String id = readCurrent(group, stat);
                if (!id.isEmpty()) {
                    Optional<PeerRoots.Root> root = find(group, id);
                    if (root.isPresent()) {
                        return root.get();
                    }
                }
                PeerRoots.Root created = PeerRoots.create(group);
                var stored = new StoredRoot(created.certificatePem(), PeerRoots.privateKeyPem(created.key()));
                // The root and the pointer to it in one step, conditional on the pointer read: of two
                // supernodes racing, one root wins and the other reads it on its next attempt.
                zk.transaction()
                        .forOperations(
                                zk.transactionOp()
                                        .create()
                                        .forPath(ZkLayout.root(group, created.id()), Json.write(stored)),
                                zk.transactionOp()
                                        .setData()
                                        .withVersion(stat.getVersion())
                                        .forPath(
                                                ZkLayout.roots(group),
                                                created.id().getBytes(StandardCharsets.US_ASCII)));
                return created;
            } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
                // Another supernode made one meanwhile: read it.
            } catch (DirectoryException e) {
                throw e;
            } catch (Exception e) {
                throw ClusterStateException.wrap("make the peer root of group " + group, e);
            }
        }
        throw new DirectoryException(
                DirectoryException.Reason.ALREADY_EXISTS, "the peer root of group '" + group + "' keeps changing");
    }

    /** A root of the group, current or retired, by its id. */
    public Optional<PeerRoots.Root> find(String group, String id) {
        if (!Names.isValid(group) || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        try {
            StoredRoot stored = Json.read(zk.getData().forPath(ZkLayout.root(group, id)), StoredRoot.class);
            return Optional.of(PeerRoots.read(stored.certificate(), stored.key()));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw ClusterStateException.wrap("read peer root " + id + " of group " + group, e);
        }
    }

    /** Whether {@code id} is the group's current root. */
    public boolean isCurrent(String group, String id) {
        try {
            return Names.isValid(group) && readCurrent(group, new Stat()).equals(id);
        } catch (Exception e) {
            throw ClusterStateException.wrap("read the peer root of group " + group, e);
        }
    }

    /** Retires the group's current root: what is published from now on gets a new one. */
    public void retire(String group) {
        try {
            ensureParent(group);
            zk.setData().forPath(ZkLayout.roots(group), new byte[0]);
        } catch (KeeperException.NoNodeException e) {
            // The group is gone, and its roots with it.
        } catch (DirectoryException e) {
            // No such group: nothing to retire.
        } catch (Exception e) {
            throw ClusterStateException.wrap("retire the peer root of group " + group, e);
        }
    }

    private String readCurrent(String group, Stat stat) throws Exception {
        ensureParent(group);
        return new String(zk.getData().storingStatIn(stat).forPath(ZkLayout.roots(group)), StandardCharsets.US_ASCII);
    }

    /** Groups made before peer roots existed have no {@code roots} node yet. */
    private void ensureParent(String group) throws Exception {
        if (zk.checkExists().forPath(ZkLayout.group(group)) == null) {
            throw new DirectoryException(DirectoryException.Reason.NOT_FOUND, "no group '" + group + "'");
        }
        try {
            zk.create().forPath(ZkLayout.roots(group), new byte[0]);
        } catch (KeeperException.NodeExistsException e) {
            // As wanted.
        }
    }
}
