package io.swarmdrop.console.web;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.ZkLayout;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/** Which devices have a push channel open, and on which supernode (the ephemeral {@code /sessions} nodes). */
@Singleton
public class Presence {

    /** Where a device is connected. */
    public record Session(String node, String zone) {}

    private final CuratorFramework zk;

    Presence(CuratorFramework zk) {
        this.zk = zk;
    }

    /** The online devices of {@code user}, by device id. */
    public Map<String, Session> sessions(String user) {
        var sessions = new TreeMap<String, Session>();
        try {
            for (String device : zk.getChildren().forPath(ZkLayout.sessions(user))) {
                try {
                    sessions.put(
                            device, Json.read(zk.getData().forPath(ZkLayout.session(user, device)), Session.class));
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

    public boolean isOnline(String user) {
        return !sessions(user).isEmpty();
    }
}
