package io.swarmdrop.supernode.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.jboss.logging.Logger;

/** The single-node ZooKeeper a supernode runs when no ensemble is configured (the zero-configuration default). */
final class EmbeddedZooKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedZooKeeper.class);

    private final ZooKeeperServerEmbedded server;
    private final String connectString;

    EmbeddedZooKeeper(Path baseDir, int port) throws Exception {
        Files.createDirectories(baseDir);
        var properties = new Properties();
        properties.setProperty("clientPort", Integer.toString(port));
        properties.setProperty("clientPortAddress", "127.0.0.1");
        properties.setProperty(
                "dataDir", baseDir.resolve("data").toAbsolutePath().toString());
        properties.setProperty("tickTime", "2000");
        properties.setProperty("initLimit", "10");
        properties.setProperty("syncLimit", "5");
        // ZooKeeper's admin server is Jetty on port 8080 by default, which would clash with the API.
        properties.setProperty("admin.enableServer", "false");
        properties.setProperty("4lw.commands.whitelist", "ruok,srvr,stat");
        server = ZooKeeperServerEmbedded.builder()
                .baseDir(baseDir.toAbsolutePath())
                .configuration(properties)
                .exitHandler(ExitHandler.LOG_ONLY)
                .build();
        server.start(30_000);
        connectString = server.getConnectionString();
        LOG.infof("embedded ZooKeeper listening on %s, data in %s", connectString, baseDir);
    }

    String connectString() {
        return connectString;
    }

    @Override
    public void close() {
        server.close();
    }
}
