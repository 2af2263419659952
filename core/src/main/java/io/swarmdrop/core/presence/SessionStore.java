package io.swarmdrop.core.presence;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.ZkLayout;
import java.util.Map;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Which devices are online, and on which supernode: the ephemeral {@code /sessions/{user}/{device}}
 * nodes, written by the supernode holding each push channel and read by the supernodes and the
 * console, in one format.
 */
public final class SessionStore {

    private final CuratorFramework zk;

    public SessionStore(CuratorFramework zk) {
        this.zk = zk;
    }

    /** The data of a session node, as the supernode holding the channel writes it. */
    public static byte[] data(SessionRecord session) {
        return Json.write(session);
    }

    /** The online devices of {@code user}, by device id. */
    public Map<String, SessionRecord> sessions(String user) {
        var sessions = new TreeMap<String, SessionRecord>();
        try {
            for (String device : zk.getChildren().forPath(ZkLayout.sessions(user))) {
                try {
                    sessions.put(
                            device,
                            Json.read(zk.getData().forPath(ZkLayout.session(user, device)), SessionRecord.class));
                } catch (KeeperException.NoNodeException e) {
                    // Went offline while we looked.
                }
            }
        } catch (KeeperException.NoNodeException e) {
            return sessions;
        } catch (Exception e) {
            throw ClusterStateException.wrap("read the sessions of " + user, e);
        }
        return sessions;
    }

    /** True while at least one device of {@code user} has a push channel open somewhere. */
    public boolean isOnline(String user) {
        try {
            var stat = zk.checkExists().forPath(ZkLayout.sessions(user));
            return stat != null && stat.getNumChildren() > 0;
        } catch (Exception e) {
            throw ClusterStateException.wrap("read the sessions of " + user, e);
        }
    }
}
