package io.swarmdrop.supernode.gc;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.publication.GarbageCollector;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.supernode.SupernodeConfig;
import io.swarmdrop.supernode.cluster.NodeIdentity;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.jboss.logging.Logger;

/**
 * Runs the garbage collector on exactly one supernode at a time: a Curator {@link LeaderLatch}
 * elects it, and the latch gives leadership up as soon as the ZooKeeper connection is SUSPENDED or
 * LOST, so a partitioned supernode stops collecting before another one starts.
 */
@Singleton
public class Collection {

    private static final Logger LOG = Logger.getLogger(Collection.class);

    private final LeaderLatch latch;
    private final GarbageCollector collector;
    private final NodeIdentity identity;
    private volatile boolean running;

    Collection(
            CuratorFramework zk,
            Directory directory,
            Publications publications,
            Clock clock,
            SupernodeConfig config,
            NodeIdentity identity) {
        this.identity = identity;
        this.latch = new LeaderLatch(zk, ZkLayout.LEADERS + "/gc", identity.node());
        this.collector =
                new GarbageCollector(directory, publications, clock, config.gc().history());
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        latch.start();
        running = true;
    }

    public boolean isLeader() {
        return running && latch.hasLeadership();
    }

    @Scheduled(every = "${swarmdrop.supernode.gc.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collect() {
        if (!isLeader()) {
            LOG.debugf("[node=%s] not the collector; skipping", identity.node());
            return;
        }
        try {
            collector.collect();
        } catch (RuntimeException e) {
            LOG.errorf("[node=%s] garbage collection failed: %s", identity.node(), e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        running = false;
        latch.close();
    }
}
