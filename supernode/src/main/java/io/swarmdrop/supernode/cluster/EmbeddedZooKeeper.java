package io.swarmdrop.supernode.cluster;

import io.swarmdrop.core.cluster.ClusterCredentials;
import io.swarmdrop.core.cluster.ClusterStateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.jboss.logging.Logger;

/** The single-node ZooKeeper a supernode runs when no ensemble is configured (the zero-configuration default). */
final class EmbeddedZooKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedZooKeeper.class);

    private final ZooKeeperServerEmbedded server;
    private final String connectString;

    EmbeddedZooKeeper(Path baseDir, String host, int port) throws Exception {
        Files.createDirectories(baseDir);
        var properties = new Properties();
        properties.setProperty("clientPort", Integer.toString(port));
        properties.setProperty("clientPortAddress", host);
        properties.setProperty(
                "dataDir", baseDir.resolve("data").toAbsolutePath().toString());
        properties.setProperty("tickTime", "2000");
        properties.setProperty("initLimit", "10");
        properties.setProperty("syncLimit", "5");
        // ZooKeeper's admin server is Jetty on port 8080 by default, which would clash with the API.
        properties.setProperty("admin.enableServer", "false");
        properties.setProperty("4lw.commands.whitelist", "ruok,srvr,stat");
        // A session that has not authenticated in the digest scheme may do nothing at all: with
        // the ACLs this keeps an anonymous client from even listing the tree or filling it.
        properties.setProperty("enforce.auth.enabled", "true");
        properties.setProperty("enforce.auth.schemes", ClusterCredentials.SCHEME);
        server = ZooKeeperServerEmbedded.builder()
                .baseDir(baseDir.toAbsolutePath())
                .configuration(properties)
                .exitHandler(ExitHandler.LOG_ONLY)
                .build();
        server.start(30_000);
        connectString = server.getConnectionString();
        LOG.infof("embedded ZooKeeper listening on %s, data in %s", connectString, baseDir);
    }

    /**
     * Lets only Swarmdrop's identity create nodes at the top of this server's tree: it owns the
     * whole server, so nothing else may be written beside the {@code swarmdrop} namespace either.
     */
    void closeRoot(CuratorFramework curator, ClusterCredentials credentials) {
        try {
            curator.usingNamespace(null).setACL().withACL(credentials.acl()).forPath("/");
        } catch (Exception e) {
            throw ClusterStateException.wrap("close the embedded ZooKeeper's root", e);
        }
    }

    String connectString() {
        return connectString;
    }

    @Override
    public void close() {
        server.close();
    }
}
