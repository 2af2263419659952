package io.swarmdrop.core.cluster;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.ACL;
import org.jboss.logging.Logger;

/** Creates the top-level nodes of the layout; every process that writes the cluster state calls it on start. */
public final class ClusterRoots {

    private static final Logger LOG = Logger.getLogger(ClusterRoots.class);

    /** The layout's top-level nodes. */
    static final List<String> ROOTS = List.of(
            ZkLayout.USERS,
            ZkLayout.GROUPS,
            ZkLayout.TOKENS,
            ZkLayout.PASSKEYS,
            ZkLayout.PUBLICATIONS,
            ZkLayout.INFOHASHES,
            ZkLayout.SUPERNODES,
            ZkLayout.SESSIONS,
            ZkLayout.AUDIT);

    private ClusterRoots() {}

    public static void create(CuratorFramework zk) {
        for (String root : ROOTS) {
            try {
                zk.create().creatingParentsIfNeeded().forPath(root);
            } catch (KeeperException.NodeExistsException e) {
                // Created by another process or an earlier start.
            } catch (KeeperException.NoAuthException e) {
                throw new ClusterStateException(
                        "ZooKeeper refuses this process's credentials on /" + ZkLayout.NAMESPACE
                                + ": they are not the ones the cluster was created with",
                        e);
            } catch (Exception e) {
                throw ClusterStateException.wrap("create " + root, e);
            }
        }
    }

    /**
     * Gives every node of the tree {@code acl} when the namespace's own node carries another one:
     * a tree that a version without ACLs left open to anyone. Each node is visited once; nodes
     * that vanish during the walk (ephemeral registrations, removals) are skipped.
     */
    public static void close(CuratorFramework zk, List<ACL> acl) {
        try {
            if (zk.getACL().forPath("/").equals(acl)) {
                return;
            }
            int closed = 0;
            Deque<String> pending = new ArrayDeque<>(List.of("/"));
            while (!pending.isEmpty()) {
                String path = pending.pop();
                try {
                    zk.setACL().withACL(acl).forPath(path);
                    closed++;
                    for (String child : zk.getChildren().forPath(path)) {
                        pending.push(ZKPaths.makePath(path, child));
                    }
                } catch (KeeperException.NoNodeException e) {
                    // Gone meanwhile.
                }
            }
            LOG.warnf(
                    "the cluster state was readable and writable by anyone; closed %d nodes to Swarmdrop's identity",
                    closed);
        } catch (Exception e) {
            throw ClusterStateException.wrap("close the cluster state to other identities", e);
        }
    }
}
