package io.swarmdrop.core.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.core.cluster.ClusterRoots;
import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.security.PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two collectors on a real three-node ZooKeeper ensemble: one ensemble node dies, then the leading
 * collector's process; the other is elected and the collection still finishes.
 */
class ElectedCollectorIT {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final List<AutoCloseable> resources = new ArrayList<>();
    private TestingCluster ensemble;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // Already closed by the test.
            }
        }
        ensemble.close();
    }

    private CuratorFramework client() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(ensemble.getConnectString())
                .namespace(ZkLayout.NAMESPACE)
                .sessionTimeoutMs(4_000)
                .connectionTimeoutMs(2_000)
                .retryPolicy(new ExponentialBackoffRetry(100, 10, 1_000))
                .build();
        client.start();
        client.blockUntilConnected();
        resources.add(client);
        return client;
    }

    private ElectedCollector collector(CuratorFramework zk, String name, Clock clock) throws Exception {
        var directory = new Directory(zk, new PasswordHasher(1_000), clock);
        var elected = new ElectedCollector(
                zk,
                name,
                new GarbageCollector(
                        directory, new Publications(zk, clock), clock, Duration.ofDays(1), Duration.ofDays(1)));
        elected.start();
        resources.add(elected);
        return elected;
    }

    @Test
    void collectionFinishesAfterAnEnsembleNodeAndTheLeadingCollectorDie() throws Exception {
        ensemble = new TestingCluster(3);
        ensemble.start();
        Clock published = Clock.fixed(NOW, ZoneOffset.UTC);
        Clock threeDaysLater = Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC);

        CuratorFramework setup = client();
        ClusterRoots.create(setup);
        var directory = new Directory(setup, new PasswordHasher(1_000), published);
        var publications = new Publications(setup, published);
        directory.createUser("alice", null, "alice-password".toCharArray());
        directory.createUser("bob", null, "bob-password".toCharArray());
        directory.createGroup("design", null);
        directory.setPolicy("design", "retention.max-age = P2D\n");
        for (String id : List.of("p1", "p2")) {
            publications.create(
                    new Publication(
                            id,
                            "design",
                            id + ".pdf",
                            1,
                            null,
                            (id.equals("p1") ? "a" : "b").repeat(64),
                            "alice",
                            "d1",
                            "sn-a",
                            NOW,
                            PublicationState.ACTIVE,
                            "default"),
                    List.of("bob"));
        }

        CuratorFramework first = client();
        CuratorFramework second = client();
        ElectedCollector a = collector(first, "sn-a", threeDaysLater);
        ElectedCollector b = collector(second, "sn-b", threeDaysLater);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.isLeader() || b.isLeader());
        assertThat(a.isLeader() && b.isLeader()).as("at most one leader").isFalse();

        InstanceSpec victim = ensemble.getInstances().iterator().next();
        ensemble.killServer(victim);
        ElectedCollector leader = a.isLeader() ? a : b;
        ElectedCollector survivor = leader == a ? b : a;
        (leader == a ? first : second).close();

        await("the survivor is elected")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(survivor::isLeader);
        await("the survivor collects")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> {
                    survivor.collectIfLeader();
                    return publications.find("p1").orElseThrow().state() == PublicationState.REMOVED
                            && publications.find("p2").orElseThrow().state() == PublicationState.REMOVED;
                });
        assertThat(publications.removal("p1").orElseThrow().expired()).containsExactly("bob");
    }
}
