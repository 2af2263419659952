package io.swarmdrop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.swarmdrop.core.cluster.ClusterCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.curator.test.TestingServer;

/**
 * A real ZooKeeper server (curator-test) for the {@code @QuarkusTest}s of the supernode and the
 * console: it sets the connect string and a credentials file under both apps' prefixes, and each
 * app reads its own.
 */
public class ZooKeeperResource implements QuarkusTestResourceLifecycleManager {

    private TestingServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new TestingServer(true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a test ZooKeeper", e);
        }
        String credentials = credentials().toString();
        return Map.of(
                "swarmdrop.supernode.zookeeper.connect",
                server.getConnectString(),
                "swarmdrop.supernode.zookeeper.credentials-file",
                credentials,
                "swarmdrop.console.zookeeper.connect",
                server.getConnectString(),
                "swarmdrop.console.zookeeper.credentials-file",
                credentials);
    }

    /** A credentials file of the test's own, as an operator would mount it beside the ensemble. */
    private static Path credentials() {
        try {
            Path file = Files.createTempDirectory("zookeeper-credentials").resolve("zookeeper-credentials");
            ClusterCredentials.readOrCreate(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
