package io.swarmdrop.core.audit;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.ZkLayout;
import java.util.List;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Audit events raised on supernodes (enrolments) travel to the console through ZooKeeper: each is
 * a persistent sequential node under {@code /audit}, so none is lost while the console is down,
 * and the console moves them into its own database and deletes them. ZooKeeper holds only the
 * events not yet taken, never the log itself.
 */
public final class AuditQueue {

    private final CuratorFramework zk;

    public AuditQueue(CuratorFramework zk) {
        this.zk = zk;
    }

    public void publish(AuditEvent event) {
        try {
            zk.create()
                    .creatingParentContainersIfNeeded()
                    .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(ZkLayout.AUDIT + "/event-", Json.write(event));
        } catch (Exception e) {
            throw ClusterStateException.wrap("record an audit event", e);
        }
    }

    /**
     * Hands every waiting event to {@code sink}, oldest first, deleting each once the sink has
     * taken it. An event whose sink call throws stays for the next drain. Returns how many moved.
     */
    public int drain(Consumer<AuditEvent> sink) {
        List<String> names;
        try {
            names = zk.getChildren().forPath(ZkLayout.AUDIT);
        } catch (KeeperException.NoNodeException e) {
            return 0;
        } catch (Exception e) {
            throw ClusterStateException.wrap("list audit events", e);
        }
        int moved = 0;
        for (String name : names.stream().sorted().toList()) {
            String path = ZkLayout.AUDIT + "/" + name;
            try {
                sink.accept(Json.read(zk.getData().forPath(path), AuditEvent.class));
                zk.delete().forPath(path);
                moved++;
            } catch (KeeperException.NoNodeException e) {
                // Another drain took it.
            } catch (Exception e) {
                throw ClusterStateException.wrap("move audit event " + name, e);
            }
        }
        return moved;
    }
}
