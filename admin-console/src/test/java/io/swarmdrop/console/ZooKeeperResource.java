package io.swarmdrop.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
        return Map.of("swarmdrop.console.zookeeper.connect", server.getConnectString());
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
