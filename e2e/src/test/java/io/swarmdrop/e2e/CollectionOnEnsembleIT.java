package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, item 3: two supernodes on a real three-node ZooKeeper ensemble. One ensemble node and
 * then the supernode that leads garbage collection are killed mid-run; delivery and collection
 * still finish, and exactly the expected files are gone from both supernodes' disks. Then a second
 * ensemble node goes: without a quorum nothing is deleted, and everything resumes with it.
 */
class CollectionOnEnsembleIT {

    private final Path folder =
            Path.of("target", "e2e", "ensemble-" + System.nanoTime()).toAbsolutePath();
    private TestingCluster ensemble;
    private TestCluster cluster;

    @BeforeEach
    void startEnsemble() throws Exception {
        ensemble = new TestingCluster(3);
        ensemble.start();
        cluster = new TestCluster(folder);
    }

    @AfterEach
    void stopAll() throws Exception {
        cluster.close();
        ensemble.close();
    }

    @Test
    void collectionFinishesThroughTheLossOfAZooKeeperNodeAndOfTheLeadingSupernode() throws Exception {
        String zookeeper = ensemble.getConnectString();
        List<TestCluster.Supernode> supernodes = List.of(
                cluster.startClusterSupernode(
                        "sn-1",
                        "default",
                        zookeeper,
                        "swarmdrop.supernode.gc.every",
                        "1s",
                        "swarmdrop.supernode.zookeeper.session-timeout-ms",
                        "6000"),
                cluster.startClusterSupernode(
                        "sn-2",
                        "default",
                        zookeeper,
                        "swarmdrop.supernode.gc.every",
                        "1s",
                        "swarmdrop.supernode.zookeeper.session-timeout-ms",
                        "6000"));
        String urls = supernodes.get(0).url() + "," + supernodes.get(1).url();
        for (String user : List.of("alice", "bob", "carol")) {
            cluster.createUser(user, user + "-password");
        }
        // design: deleted once bob has it; flash: gone after 40 s, carol never comes; archive: kept.
        cluster.createGroup("design", "alice", "bob");
        cluster.createGroup("flash", "alice", "carol");
        cluster.createGroup("archive", "alice", "carol");
        cluster.setPolicy("flash", "retention.max-age = PT40S\n");
        cluster.setPolicy("archive", "retention.max-age = P30D\n");
        DaemonProcess bob = cluster.daemon("bob", "bob-password")
                .with("swarmdrop.daemon.supernodes", urls)
                .start();
        bob.stop();
        DaemonProcess alice = cluster.daemon("alice", "alice-password")
                .with("swarmdrop.daemon.supernodes", urls)
                .start();

        Map<String, String> ids = new HashMap<>();
        Map<String, String> groups = Map.of("delivered.bin", "design", "expiring.bin", "flash", "kept.bin", "archive");
        long seed = 20;
        for (var entry : groups.entrySet()) {
            alice.drop(
                    entry.getValue(),
                    RandomFiles.write(folder.resolve("sources").resolve(entry.getKey()), 2L << 20, seed++));
        }
        await("alice published three files")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> alice.status().get("transfers").size() == 3);
        for (JsonNode transfer : alice.status().get("transfers")) {
            ids.put(transfer.get("name").asText(), transfer.get("key").asText());
        }
        for (String id : ids.values()) {
            await("both supernodes hold " + id)
                    .atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> completeHolders(supernodes.get(0), id) == 2);
        }

        var servers = new java.util.ArrayList<>(ensemble.getInstances());
        ensemble.killServer(servers.get(0));
        TestCluster.Supernode leader = await("a collector is elected")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(
                        () -> supernodes.stream()
                                .filter(s -> s.admin("GET", "/admin/node")
                                        .get("collector")
                                        .asBoolean())
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        TestCluster.Supernode survivor = supernodes.get(0) == leader ? supernodes.get(1) : supernodes.get(0);
        leader.kill();
        await("the survivor takes over collection")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() ->
                        survivor.admin("GET", "/admin/node").get("collector").asBoolean());

        bob.start();
        await("bob's copy")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(bob.inbox("design").resolve("delivered.bin")));
        for (String name : List.of("delivered.bin", "expiring.bin")) {
            await(name + " removed")
                    .atMost(Duration.ofMinutes(2))
                    .ignoreExceptions()
                    .until(() -> survivor.admin("GET", "/admin/publications/" + ids.get(name))
                            .get("removal")
                            .isObject());
        }
        JsonNode expired = survivor.admin("GET", "/admin/publications/" + ids.get("expiring.bin"));
        assertThat(expired.get("removal").get("expired"))
                .extracting(JsonNode::asText)
                .containsExactly("carol");

        leader.restart();
        for (TestCluster.Supernode supernode : supernodes) {
            for (String name : List.of("delivered.bin", "expiring.bin")) {
                await(name + " gone from " + supernode.node)
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> !Files.exists(supernode.store().resolve(ids.get(name))));
            }
            assertThat(supernode.store().resolve(ids.get("kept.bin")).resolve("kept.bin"))
                    .as("kept.bin on " + supernode.node)
                    .exists();
        }
        assertThat(survivor.admin("GET", "/admin/publications/" + ids.get("kept.bin"))
                        .get("publication")
                        .get("state")
                        .asText())
                .isEqualTo("ACTIVE");

        // Issue 17, item 7: two of three servers down. Every supernode says the cluster state is
        // unavailable, nothing is published or deleted meanwhile, and all goes on with the quorum.
        ensemble.killServer(servers.get(1));
        for (TestCluster.Supernode supernode : supernodes) {
            await(supernode.node + " not ready without a quorum")
                    .atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> TestCluster.get(supernode.url() + "/q/health/ready", null)
                                    .statusCode()
                            == 503);
            var unavailable = TestCluster.get(
                    supernode.url() + "/admin/publications/" + ids.get("kept.bin"), "e2e-admin-token-0123456789");
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(new String(unavailable.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("the cluster state is unavailable");
        }
        alice.drop("design", RandomFiles.write(folder.resolve("sources/during-outage.bin"), 1L << 20, 30));
        await("alice tried to publish it").atMost(Duration.ofMinutes(1)).until(() -> Files.readString(alice.log())
                .contains("'during-outage.bin' not published yet"));
        for (TestCluster.Supernode supernode : supernodes) {
            assertThat(supernode.store().resolve(ids.get("kept.bin")).resolve("kept.bin"))
                    .as("kept.bin on %s without a quorum", supernode.node)
                    .exists();
        }
        assertThat(bob.inbox("design").resolve("delivered.bin")).exists();

        ensemble.restartServer(servers.get(0));
        ensemble.restartServer(servers.get(1));
        await("bob gets what alice dropped during the outage")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(bob.inbox("design").resolve("during-outage.bin")));
        assertThat(RandomFiles.sha256(bob.inbox("design").resolve("during-outage.bin")))
                .isEqualTo(RandomFiles.sha256(folder.resolve("sources/during-outage.bin")));
        for (TestCluster.Supernode supernode : supernodes) {
            await(supernode.node + " ready again")
                    .atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> TestCluster.get(supernode.url() + "/q/health/ready", null)
                                    .statusCode()
                            == 200);
            assertThat(supernode.store().resolve(ids.get("kept.bin")).resolve("kept.bin"))
                    .exists();
        }
    }

    private static int completeHolders(TestCluster.Supernode supernode, String id) {
        int complete = 0;
        for (JsonNode holder :
                supernode.admin("GET", "/admin/publications/" + id).get("holders")) {
            complete += holder.get("complete").asBoolean() ? 1 : 0;
        }
        return complete;
    }
}
