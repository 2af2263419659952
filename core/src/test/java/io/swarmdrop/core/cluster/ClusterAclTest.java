package io.swarmdrop.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding A1: whoever reaches ZooKeeper without Swarmdrop's credentials reads and writes nothing of it. */
class ClusterAclTest {

    private static final String SECRET_NODE = ZkLayout.USERS + "/alice";

    @TempDir
    Path folder;

    private TestingServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        server.close();
    }

    @Test
    void aClientWithoutTheClusterCredentialsGetsNoAuthOnEverySubtree() throws Exception {
        CuratorFramework swarmdrop = connect(ClusterCredentials.readOrCreate(folder.resolve("zookeeper-credentials")));
        swarmdrop.create().forPath(SECRET_NODE, "{\"passwordHash\":\"pbkdf2$...\"}".getBytes(StandardCharsets.UTF_8));

        assertRefusesEverything(anonymous(null));
        assertRefusesEverything(anonymous("swarmdrop:guessed-password"));
    }

    @Test
    void theCredentialsFileIsOwnerOnlyFromItsCreation() throws Exception {
        Path file = folder.resolve("zookeeper-credentials");
        ClusterCredentials created = ClusterCredentials.readOrCreate(file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(ClusterCredentials.read(file)).isEqualTo(created);
        assertThat(created.toString()).doesNotContain(created.password());
        assertThatThrownBy(() -> ClusterCredentials.read(folder.resolve("absent")))
                .hasMessageContaining("no ZooKeeper credentials at");
    }

    @Test
    void aTreeAnOlderVersionLeftOpenIsClosedOnConnect() throws Exception {
        CuratorFramework old = CuratorFrameworkFactory.builder()
                .connectString(server.getConnectString())
                .namespace(ZkLayout.NAMESPACE)
                .retryPolicy(new RetryOneTime(100))
                .build();
        clients.add(old);
        old.start();
        old.blockUntilConnected();
        ClusterRoots.create(old);
        old.create().forPath(SECRET_NODE, "{}".getBytes(StandardCharsets.UTF_8));
        old.create().withMode(CreateMode.EPHEMERAL).forPath(ZkLayout.SESSIONS + "/bob");

        connect(ClusterCredentials.readOrCreate(folder.resolve("zookeeper-credentials")));

        assertRefusesEverything(anonymous(null));
    }

    @Test
    void otherCredentialsAreToldTheyAreNotTheClusters() throws Exception {
        connect(new ClusterCredentials("swarmdrop", "the-clusters-password"));

        assertThatThrownBy(() -> connect(new ClusterCredentials("swarmdrop", "another-password")))
                .isInstanceOf(ClusterStateException.class)
                .hasMessageContaining("refuses this process's credentials");
    }

    private void assertRefusesEverything(ZooKeeper zk) {
        List<String> paths = new ArrayList<>(List.of("/" + ZkLayout.NAMESPACE, "/" + ZkLayout.NAMESPACE + SECRET_NODE));
        for (String root : ClusterRoots.ROOTS) {
            paths.add("/" + ZkLayout.NAMESPACE + root);
        }
        for (String path : paths) {
            assertThatThrownBy(() -> zk.getData(path, false, null))
                    .as("read " + path)
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> zk.getChildren(path, false))
                    .as("list " + path)
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> zk.create(
                            path + "/mallory", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                    .as("create under " + path)
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> zk.setData(path, new byte[0], -1))
                    .as("write " + path)
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> zk.setACL(path, ZooDefs.Ids.OPEN_ACL_UNSAFE, -1))
                    .as("reopen " + path)
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
        assertThatThrownBy(() -> zk.delete("/" + ZkLayout.NAMESPACE + SECRET_NODE, -1))
                .isInstanceOf(KeeperException.NoAuthException.class);
    }

    private CuratorFramework connect(ClusterCredentials credentials) throws InterruptedException {
        CuratorFramework client = ClusterClient.connect(server.getConnectString(), 10_000, credentials);
        clients.add(client);
        return client;
    }

    /** A plain ZooKeeper client, as an attacker on the network would use: no credentials, or made-up ones. */
    private ZooKeeper anonymous(String digest) throws Exception {
        var connected = new CountDownLatch(1);
        var zk = new ZooKeeper(server.getConnectString(), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        clients.add(zk);
        assertThat(connected.await(30, TimeUnit.SECONDS)).as("connected").isTrue();
        if (digest != null) {
            zk.addAuthInfo("digest", digest.getBytes(StandardCharsets.UTF_8));
        }
        return zk;
    }
}
