package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 2, items 3 and 4: a recipient that was offline, and one that was killed mid-download. */
class OfflineAndRestartIT {

    private static final long BIG = Long.getLong("swarmdrop.e2e.restart-size", 200L << 20);

    private final Path folder =
            Path.of("target", "e2e", "offline-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;

    @BeforeEach
    void startSupernode() throws IOException {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("alice", "alice-password");
        cluster.createUser("bob", "bob-password");
        cluster.createGroup("design", "alice", "bob");
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        cluster.close();
    }

    @Test
    void anOfflineRecipientGetsTheFileFromTheSupernodeAloneAfterThePublisherLeft() throws Exception {
        DaemonProcess bob = cluster.daemon("bob", "bob-password").start();
        bob.stop();
        DaemonProcess alice = cluster.daemon("alice", "alice-password").start();
        long size = 10L << 20;
        Path source = RandomFiles.write(folder.resolve("sources/minutes.bin"), size, 3);

        alice.drop("design", source);
        await("the supernode holds the whole file")
                .atMost(Duration.ofMinutes(2))
                .ignoreExceptions()
                .until(() ->
                        cluster.supernodeTransfer("minutes.bin").get("finished").asBoolean());
        alice.stop();
        long uploadedBefore =
                cluster.supernodeTransfer("minutes.bin").get("uploaded").asLong();
        bob.start();

        Path delivered = bob.inbox("design").resolve("minutes.bin");
        await("bob's copy").atMost(Duration.ofMinutes(2)).until(() -> Files.exists(delivered));
        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
        // libtorrent adds up a torrent's byte counters once a second: a fetch that took a second
        // can be in the inbox before the supernode's counter shows it (seen in CI).
        await("the supernode's upload counter").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        cluster.supernodeTransfer("minutes.bin").get("uploaded").asLong() - uploadedBefore)
                .as("bytes the supernode uploaded to bob, with alice gone")
                .isGreaterThanOrEqualTo(size));
    }

    @Test
    void aRecipientKilledMidDownloadContinuesWithoutFetchingTheWholeFileAgain() throws Exception {
        DaemonProcess alice = cluster.daemon("alice", "alice-password").start();
        // A per-torrent download limit makes the transfer last long enough to kill it midway.
        DaemonProcess bob = cluster.daemon("bob", "bob-password")
                .with("swarmdrop.daemon.torrent.download-limit", Long.toString(BIG / 12))
                .start();
        Path source = RandomFiles.write(folder.resolve("sources/backup.bin"), BIG, 4);

        alice.drop("design", source);
        // Resume data is saved every second; half the file is a few seconds past the first third.
        await("bob has fetched half")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> bob.transfer("backup.bin").get("totalDone").asLong() > BIG / 2);
        long doneBeforeKill = bob.transfer("backup.bin").get("totalDone").asLong();
        bob.kill();
        assertThat(Files.exists(bob.inbox("design").resolve("backup.bin"))).isFalse();

        bob.start();
        Path delivered = bob.inbox("design").resolve("backup.bin");
        await("bob's copy after the restart").atMost(Duration.ofMinutes(3)).until(() -> Files.exists(delivered));

        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
        JsonNode delivery = bob.delivery("backup.bin");
        long afterRestart = delivery.get("downloadedBytes").asLong();
        assertThat(afterRestart).as("bytes fetched after the restart").isLessThan(BIG - BIG / 4);
        assertThat(doneBeforeKill + afterRestart).as("bytes fetched in all").isLessThan(BIG + BIG / 2);
    }
}
