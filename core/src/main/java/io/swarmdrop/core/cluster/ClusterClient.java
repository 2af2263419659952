package io.swarmdrop.core.cluster;

import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/** The one way every process (supernode, console) connects to the cluster state. */
public final class ClusterClient {

    private ClusterClient() {}

    /**
     * A started Curator client on the {@code swarmdrop} namespace of {@code connect}, connected
     * and with the layout's top-level nodes created; throws when ZooKeeper stays out of reach
     * for a minute.
     */
    public static CuratorFramework connect(String connect, int sessionTimeoutMs) throws InterruptedException {
        CuratorFramework curator = CuratorFrameworkFactory.builder()
                .connectString(connect)
                .namespace(ZkLayout.NAMESPACE)
                .sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(10_000)
                .retryPolicy(new ExponentialBackoffRetry(250, 10, 5_000))
                .build();
        curator.start();
        if (!curator.blockUntilConnected(60, TimeUnit.SECONDS)) {
            curator.close();
            throw new IllegalStateException("cannot reach ZooKeeper at " + connect + " within 60 s");
        }
        ClusterRoots.create(curator);
        return curator;
    }
}
