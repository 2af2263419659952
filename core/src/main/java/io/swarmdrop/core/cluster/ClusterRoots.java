package io.swarmdrop.core.cluster;

import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/** Creates the top-level nodes of the layout; every process that writes the cluster state calls it on start. */
public final class ClusterRoots {

    private static final List<String> ROOTS = List.of(
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
            } catch (Exception e) {
                throw ClusterStateException.wrap("create " + root, e);
            }
        }
    }
}
