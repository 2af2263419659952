package io.swarmdrop.supernode.gc;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.ElectedCollector;
import io.swarmdrop.core.publication.GarbageCollector;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.supernode.SupernodeConfig;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import org.apache.curator.framework.CuratorFramework;
import org.jboss.logging.Logger;

/** Runs the elected garbage collector on this supernode's schedule; see {@link ElectedCollector}. */
@Singleton
public class CollectorJob {

    private static final Logger LOG = Logger.getLogger(CollectorJob.class);

    private final ElectedCollector collector;
    private final NodeIdentity identity;
    private volatile boolean running;

    CollectorJob(
            CuratorFramework zk,
            Directory directory,
            Publications publications,
            Clock clock,
            SupernodeConfig config,
            NodeIdentity identity) {
        this.identity = identity;
        this.collector = new ElectedCollector(
                zk,
                identity.node(),
                new GarbageCollector(
                        directory,
                        publications,
                        clock,
                        config.gc().history(),
                        config.gc().seedWithin()));
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        collector.start();
        running = true;
    }

    public boolean isLeader() {
        return running && collector.isLeader();
    }

    @Scheduled(every = "${swarmdrop.supernode.gc.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collect() {
        if (!running) {
            return;
        }
        try {
            collector.collectIfLeader();
        } catch (RuntimeException e) {
            LOG.errorf("[node=%s] garbage collection failed: %s", identity.node(), e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        running = false;
        collector.close();
    }
}
