package io.swarmdrop.supernode.cluster;

import io.quarkus.runtime.Startup;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.cluster.ClusterClient;
import io.swarmdrop.core.cluster.ClusterCredentials;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.security.PasswordHasher;
import io.swarmdrop.supernode.SupernodeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.jboss.logging.Logger;

/**
 * The supernode's connection to the cluster state: an embedded ZooKeeper when no ensemble is
 * configured, a Curator client either way, and the {@code core} stores built on it.
 */
@Startup
@Singleton
public class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class);

    private final EmbeddedZooKeeper embedded;
    private final CuratorFramework curator;
    private final Clock clock = Clock.systemUTC();
    private final Directory directory;
    private final Publications publications;

    Cluster(SupernodeConfig config) throws Exception {
        Path credentialsFile = config.zookeeper()
                .credentialsFile()
                .map(Path::of)
                .orElse(Path.of(config.dataDir(), "zookeeper-credentials"));
        String connect;
        ClusterCredentials credentials;
        if (config.zookeeper().connect().isPresent()) {
            embedded = null;
            connect = config.zookeeper().connect().get();
            credentials = ClusterCredentials.read(credentialsFile);
        } else {
            credentials = ClusterCredentials.readOrCreate(credentialsFile);
            embedded = new EmbeddedZooKeeper(
                    Path.of(config.dataDir(), "zookeeper"),
                    config.zookeeper().embeddedHost(),
                    config.zookeeper().embeddedPort());
            connect = embedded.connectString();
        }
        try {
            // The embedded ZooKeeper listens on loopback by default: TLS is for an ensemble's port.
            curator = ClusterClient.connect(
                    connect,
                    config.zookeeper().sessionTimeoutMs(),
                    credentials,
                    embedded == null ? config.zookeeper().tlsCa().map(Path::of) : Optional.empty());
            if (embedded != null) {
                embedded.closeRoot(curator, credentials);
            }
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        LOG.infof("connected to ZooKeeper at %s", connect);
        directory = new Directory(curator, new PasswordHasher(config.passwordIterations()), clock);
        publications = new Publications(curator, clock);
    }

    @Produces
    CuratorFramework curator() {
        return curator;
    }

    @Produces
    Directory directory() {
        return directory;
    }

    @Produces
    Publications publications() {
        return publications;
    }

    @Produces
    AuditQueue audit() {
        return new AuditQueue(curator);
    }

    @Produces
    Clock clock() {
        return clock;
    }

    public boolean isConnected() {
        return curator.getZookeeperClient().isConnected();
    }

    @PreDestroy
    void close() {
        curator.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
