package io.swarmdrop.console;

import io.quarkus.runtime.Startup;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.cluster.ClusterRoots;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.security.PasswordHasher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.jboss.logging.Logger;

/**
 * The console's client of the cluster state. Users, devices, groups and publications are read and
 * written through the same {@code core} stores the supernodes use; the console keeps no copy.
 */
@Startup
@Singleton
public class ClusterConnection {

    private static final Logger LOG = Logger.getLogger(ClusterConnection.class);

    private final CuratorFramework curator;
    private final Clock clock = Clock.systemUTC();
    private final Directory directory;
    private final Publications publications;

    ClusterConnection(ConsoleConfig config) throws InterruptedException {
        String connect = config.zookeeper().connect();
        curator = CuratorFrameworkFactory.builder()
                .connectString(connect)
                .namespace(ZkLayout.NAMESPACE)
                .sessionTimeoutMs(config.zookeeper().sessionTimeoutMs())
                .connectionTimeoutMs(10_000)
                .retryPolicy(new ExponentialBackoffRetry(250, 10, 5_000))
                .build();
        curator.start();
        if (!curator.blockUntilConnected(60, TimeUnit.SECONDS)) {
            curator.close();
            throw new IllegalStateException("cannot reach ZooKeeper at " + connect + " within 60 s");
        }
        LOG.infof("connected to ZooKeeper at %s", connect);
        ClusterRoots.create(curator);
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
    AuditQueue auditQueue() {
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
    }
}
