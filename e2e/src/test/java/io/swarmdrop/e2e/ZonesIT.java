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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: zones, several supernodes per zone, replication and failover, with every supernode and
 * daemon a separate process on loopback and one real ZooKeeper server.
 */
class ZonesIT {

    private final Path folder =
            Path.of("target", "e2e", "zones-" + System.nanoTime()).toAbsolutePath();
    private TestingServer zookeeper;
    private TestCluster cluster;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zookeeper = new TestingServer(true);
        cluster = new TestCluster(folder);
    }

    @AfterEach
    void stopAll() throws Exception {
        cluster.close();
        zookeeper.close();
    }

    private TestCluster.Supernode supernode(String node, String zone) throws Exception {
        return cluster.startClusterSupernode(node, zone, zookeeper.getConnectString());
    }

    private DaemonProcess daemon(String user, TestCluster.Supernode bootstrap) {
        cluster.createUser(user, user + "-password");
        return cluster.daemon(user, user + "-password").with("swarmdrop.daemon.supernodes", bootstrap.url());
    }

    @Test
    void aPublicationCrossesZonesOnceBetweenSupernodesAndDaemonsOnlyMeetTheirOwnZone() throws Exception {
        var east1 = supernode("east-1", "east");
        var east2 = supernode("east-2", "east");
        var west1 = supernode("west-1", "west");
        var west2 = supernode("west-2", "west");
        Map<String, DaemonProcess> daemons = new java.util.LinkedHashMap<>();
        for (String user : List.of("alice", "carol")) {
            daemons.put(user, daemon(user, east1));
        }
        for (String user : List.of("bob", "dave")) {
            daemons.put(user, daemon(user, west1));
        }
        cluster.createGroup("design", "alice", "carol", "bob", "dave");
        for (DaemonProcess daemon : daemons.values()) {
            daemon.start();
        }
        Set<String> east = Set.of("alice", "carol");
        for (var entry : daemons.entrySet()) {
            assertThat(entry.getValue().status().get("zone").asText())
                    .isEqualTo(east.contains(entry.getKey()) ? "east" : "west");
        }
        long size = 32L << 20;
        Path source = RandomFiles.write(folder.resolve("sources/atlas.bin"), size, 11);

        daemons.get("alice").drop("design", source);

        for (String user : List.of("carol", "bob", "dave")) {
            Path delivered = daemons.get(user).inbox("design").resolve("atlas.bin");
            await(user + "'s copy").atMost(Duration.ofMinutes(3)).until(() -> Files.exists(delivered));
            assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
        }
        String id =
                daemons.get("carol").delivery("atlas.bin").get("publicationId").asText();

        // No daemon was ever connected to a daemon of the other zone. Whoever opened a connection
        // sees the other side's listening port, so checking every daemon's record covers both ends.
        for (var entry : daemons.entrySet()) {
            Set<Integer> otherZone = daemons.entrySet().stream()
                    .filter(e -> east.contains(e.getKey()) != east.contains(entry.getKey()))
                    .map(e -> e.getValue().torrentPort)
                    .collect(Collectors.toSet());
            Set<Integer> peers =
                    peerPorts(entry.getValue().status().get("connections").get(id));
            assertThat(peers).as(entry.getKey() + "'s peers").doesNotContainAnyElementsOf(otherZone);
        }
        for (String user : List.of("bob", "dave")) {
            Set<Integer> peers =
                    peerPorts(daemons.get(user).status().get("connections").get(id));
            assertThat(peers)
                    .as(user + " fetched from peers of the west zone")
                    .isNotEmpty()
                    .doesNotContain(east1.torrentPort, east2.torrentPort);
        }
        // The bytes that entered the west zone came through its supernodes, about once.
        long westDownloaded = 0;
        for (var supernode : List.of(west1, west2)) {
            try {
                // Counted even if placement already dropped the copy (the zone has no fetchers left).
                westDownloaded += supernode
                        .admin("GET", "/admin/transfers/" + id)
                        .get("downloaded")
                        .asLong();
            } catch (AssertionError neverHeld) {
                // 404: this supernode never joined the swarm.
            }
        }
        assertThat(westDownloaded).as("bytes the west supernodes downloaded").isBetween(size, size + size / 4);
        JsonNode holders =
                cluster.admin("GET", "/admin/publications/" + id, null, 200).get("holders");
        assertThat(holders).isNotEmpty();
    }

    @Test
    void aDaemonWhoseSupernodeIsKilledMidTransferReattachesInItsZoneAndCompletes() throws Exception {
        var first = supernode("east-1", "east");
        var second = supernode("east-2", "east");
        long size = Long.getLong("swarmdrop.e2e.restart-size", 200L << 20);
        DaemonProcess alice = daemon("alice", first);
        DaemonProcess bob = daemon("bob", first)
                .with("swarmdrop.daemon.supernodes", first.url() + "," + second.url())
                .with("swarmdrop.daemon.torrent.download-limit", Long.toString(size / 12));
        cluster.createGroup("design", "alice", "bob");
        alice.start();
        bob.start();
        Path source = RandomFiles.write(folder.resolve("sources/backup.bin"), size, 12);

        alice.drop("design", source);
        await("bob has fetched a quarter")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> bob.transfer("backup.bin").get("totalDone").asLong() > size / 4);
        String attached = bob.status().get("supernode").asText();
        var victim = attached.startsWith(first.url()) ? first : second;
        var survivor = victim == first ? second : first;
        victim.kill();

        Path delivered = bob.inbox("design").resolve("backup.bin");
        await("bob's copy").atMost(Duration.ofMinutes(3)).until(() -> Files.exists(delivered));
        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
        assertThat(bob.status().get("supernode").asText()).startsWith(survivor.url());
        await("bob's receipt reached the cluster")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> survivor.admin(
                                "GET",
                                "/admin/publications/"
                                        + bob.delivery("backup.bin")
                                                .get("publicationId")
                                                .asText())
                        .get("received")
                        .toString()
                        .contains("bob"));
    }

    @Test
    void whenAPersistingSupernodeDiesANewReplicaIsFilledAndAnOfflineMemberStillReceives() throws Exception {
        var supernodes = new ArrayList<TestCluster.Supernode>();
        for (int i = 1; i <= 3; i++) {
            supernodes.add(supernode("east-" + i, "east"));
        }
        DaemonProcess bob = daemon("bob", supernodes.get(0));
        DaemonProcess alice = daemon("alice", supernodes.get(0));
        cluster.createGroup("design", "alice", "bob");
        cluster.setPolicy("design", "replication.copies = 2\n");
        bob.start().stop();
        alice.start();
        long size = 16L << 20;
        Path source = RandomFiles.write(folder.resolve("sources/report.bin"), size, 13);

        alice.drop("design", source);
        await("alice published")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> !alice.status().get("transfers").isEmpty());
        String id = alice.status().get("transfers").get(0).get("key").asText();
        Set<String> replicas = awaitCompleteHolders(id, 2);
        alice.stop();

        var victim = supernodes.stream()
                .filter(s -> replicas.contains(s.node))
                .findFirst()
                .orElseThrow();
        victim.kill();
        Set<String> after = awaitLiveCompleteHolders(id, 2, victim.node);
        assertThat(after).doesNotContain(victim.node);
        assertThat(after.stream().filter(n -> !replicas.contains(n)))
                .as("a new replica")
                .hasSize(1);

        bob.with(
                        "swarmdrop.daemon.supernodes",
                        supernodes.stream()
                                .filter(s -> s != victim)
                                .map(TestCluster.Supernode::url)
                                .collect(Collectors.joining(",")))
                .start();
        Path delivered = bob.inbox("design").resolve("report.bin");
        await("bob's copy").atMost(Duration.ofMinutes(2)).until(() -> Files.exists(delivered));
        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
    }

    /** Waits until exactly {@code count} supernodes hold the whole file; returns them. */
    private Set<String> awaitCompleteHolders(String id, int count) {
        return awaitLiveCompleteHolders(id, count, null);
    }

    private Set<String> awaitLiveCompleteHolders(String id, int count, String dead) {
        var result = new HashSet<String>();
        await("supernodes holding the whole file")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    result.clear();
                    JsonNode detail = cluster.supernodes().stream()
                            .filter(s -> !s.node.equals(dead))
                            .findFirst()
                            .orElseThrow()
                            .admin("GET", "/admin/publications/" + id);
                    for (JsonNode holder : detail.get("holders")) {
                        if (holder.get("complete").asBoolean()
                                && !holder.get("node").asText().equals(dead)) {
                            result.add(holder.get("node").asText());
                        }
                    }
                    return result.size() == count;
                });
        return Set.copyOf(result);
    }

    private static Set<Integer> peerPorts(JsonNode connections) {
        var ports = new HashSet<Integer>();
        if (connections != null) {
            for (JsonNode connection : connections) {
                String address = connection.get("address").asText();
                ports.add(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }
}
