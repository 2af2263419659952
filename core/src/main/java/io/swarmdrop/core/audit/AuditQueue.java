package io.swarmdrop.core.audit;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.cluster.Json;
import io.swarmdrop.core.cluster.ZkLayout;
import java.util.List;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.jboss.logging.Logger;

/**
 * Audit events raised on supernodes (enrolments) travel to the console through ZooKeeper: each is
 * a persistent sequential node under {@code /audit}, so none is lost while the console is down,
 * and the console moves them into its own database and deletes them. ZooKeeper holds only the
 * events not yet taken, never the log itself.
 */
public final class AuditQueue {

    private static final Logger LOG = Logger.getLogger(AuditQueue.class);

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
     * taken it. An event whose sink call throws stays for the next drain while the ones after it
     * still move; one that cannot be read at all is logged and dropped. Returns how many moved.
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
            byte[] data;
            try {
                data = zk.getData().forPath(path);
            } catch (KeeperException.NoNodeException e) {
                continue; // Another drain took it.
            } catch (Exception e) {
                throw ClusterStateException.wrap("read audit event " + name, e);
            }
            AuditEvent event;
            try {
                event = Json.read(data, AuditEvent.class);
            } catch (RuntimeException e) {
                // Unreadable for good: kept in the log, then out of the way of the events after it.
                LOG.errorf(
                        "audit event %s is unreadable and dropped (%d bytes): %s", name, data.length, e.getMessage());
                delete(path);
                continue;
            }
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                // Stays for the next drain; the events after it still move (finding I5).
                LOG.warnf("audit event %s not taken this time: %s", name, e.getMessage());
                continue;
            }
            delete(path);
            moved++;
        }
        return moved;
    }

    private void delete(String path) {
        try {
            zk.delete().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            // Another drain took it.
        } catch (Exception e) {
            throw ClusterStateException.wrap("delete audit event " + path, e);
        }
    }
}
