package io.swarmdrop.core.directory;

import io.swarmdrop.core.cluster.ClusterRoots;
import io.swarmdrop.core.cluster.ZkLayout;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real ZooKeeper server (curator-test) and a Curator client on the Swarmdrop namespace, per test. */
public final class ZooKeeperExtension implements BeforeEachCallback, AfterEachCallback {

    private TestingServer server;
    private CuratorFramework client;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = new TestingServer(true);
        client = CuratorFrameworkFactory.builder()
                .connectString(server.getConnectString())
                .namespace(ZkLayout.NAMESPACE)
                .retryPolicy(new RetryOneTime(100))
                .build();
        client.start();
        client.blockUntilConnected();
        ClusterRoots.create(client);
    }

    public CuratorFramework client() {
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        client.close();
        server.close();
    }
}
