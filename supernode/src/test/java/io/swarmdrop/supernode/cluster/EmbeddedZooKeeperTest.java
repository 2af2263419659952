package io.swarmdrop.supernode.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmdrop.core.cluster.ClusterClient;
import io.swarmdrop.core.cluster.ClusterCredentials;
import io.swarmdrop.testing.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding A1 on the embedded default: the supernode's own ZooKeeper serves Swarmdrop's identity alone. */
class EmbeddedZooKeeperTest {

    @TempDir
    Path folder;

    @Test
    void anUnauthenticatedOrForeignClientCanNeitherListNorWriteAnything() throws Exception {
        var credentials = ClusterCredentials.readOrCreate(folder.resolve("zookeeper-credentials"));
        try (var server = new EmbeddedZooKeeper(folder.resolve("zookeeper"), "127.0.0.1", FreePorts.next());
                CuratorFramework swarmdrop = ClusterClient.connect(server.connectString(), 10_000, credentials)) {
            server.closeRoot(swarmdrop, credentials);

            try (ZooKeeper anonymous = plainClient(server.connectString(), null)) {
                // exists() is checked by no ACL: only the server's demand for authentication refuses it.
                assertThatThrownBy(() -> anonymous.exists("/swarmdrop", false))
                        .as("an unauthenticated session may do nothing")
                        .isInstanceOf(KeeperException.class);
            }
            try (ZooKeeper foreign = plainClient(server.connectString(), "mallory:anything")) {
                assertThatThrownBy(() -> foreign.getChildren("/", false))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> foreign.create(
                                "/filler", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> foreign.getChildren("/swarmdrop/users", false))
                        .isInstanceOf(KeeperException.NoAuthException.class);
            }
            assertThat(swarmdrop.getChildren().forPath("/")).contains("users", "supernodes");
        }
    }

    private static ZooKeeper plainClient(String connect, String digest) throws Exception {
        var connected = new CountDownLatch(1);
        var zk = new ZooKeeper(connect, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(30, TimeUnit.SECONDS)).as("connected").isTrue();
        if (digest != null) {
            zk.addAuthInfo("digest", digest.getBytes(StandardCharsets.UTF_8));
        }
        return zk;
    }
}
