package io.swarmdrop.core.publication;

import io.swarmdrop.core.cluster.ZkLayout;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;

/**
 * The garbage collector behind a Curator {@link LeaderLatch}, so exactly one process collects at a
 * time. The latch gives leadership up as soon as the ZooKeeper connection is SUSPENDED or LOST, so a
 * partitioned process stops collecting before another one is elected.
 */
public final class ElectedCollector implements AutoCloseable {

    private final LeaderLatch latch;
    private final GarbageCollector collector;
    private final AtomicBoolean started = new AtomicBoolean();

    public ElectedCollector(CuratorFramework zk, String participant, GarbageCollector collector) {
        this.latch = new LeaderLatch(zk, ZkLayout.LEADERS + "/gc", participant);
        this.collector = collector;
    }

    public void start() throws Exception {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the collector election is already started");
        }
        latch.start();
    }

    public boolean isLeader() {
        return started.get() && latch.hasLeadership();
    }

    /** Runs one collection pass if this process leads; returns the removed publications. */
    public List<String> collectIfLeader() {
        return isLeader() ? collector.collect() : List.of();
    }

    @Override
    public void close() throws IOException {
        if (started.get()) {
            latch.close();
        }
    }
}
