package io.swarmdrop.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.swarmdrop.core.cluster.ClusterCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.curator.test.TestingServer;

/** A real ZooKeeper server (curator-test) for the console's {@code @QuarkusTest}s. */
public class ZooKeeperResource implements QuarkusTestResourceLifecycleManager {

    private TestingServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new TestingServer(true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a test ZooKeeper", e);
        }
        return Map.of(
                "swarmdrop.console.zookeeper.connect",
                server.getConnectString(),
                "swarmdrop.console.zookeeper.credentials-file",
                credentials().toString());
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
