package io.swarmdrop.console;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.cluster.ClusterClient;
import io.swarmdrop.core.cluster.ClusterCredentials;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.net.Hosts;
import io.swarmdrop.core.presence.SessionStore;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.security.PasswordHasher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.curator.framework.CuratorFramework;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    ClusterConnection(
            ConsoleConfig config, @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String httpHost)
            throws InterruptedException {
        if (!config.tls().enabled() && LaunchMode.current() != LaunchMode.TEST && !Hosts.isLoopback(httpHost)) {
            // Plain HTTP would carry admins' passwords and session cookies in the clear (A5).
            throw new IllegalArgumentException("swarmdrop.console.tls.enabled=false is allowed only with"
                    + " quarkus.http.host on loopback (it is " + httpHost + "); turn TLS back on");
        }
        String connect = config.zookeeper().connect();
        curator = ClusterClient.connect(
                connect,
                config.zookeeper().sessionTimeoutMs(),
                ClusterCredentials.read(Path.of(config.zookeeper().credentialsFile())),
                config.zookeeper().tlsCa().map(Path::of));
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
    SessionStore sessions() {
        return new SessionStore(curator);
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
