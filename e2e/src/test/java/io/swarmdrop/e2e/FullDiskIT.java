package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 5 (D4): a supernode whose disk cannot take a new file and keep its free space
 * refuses the publication with the reason; the daemon keeps the file in its outbox, says why, and
 * publishes it by itself once the supernode has room. "No room" is a free space to keep beyond
 * any disk ({@code disk.min-free = 1000T}); room returns with the default.
 */
class FullDiskIT {

    private final Path folder =
            Path.of("target", "e2e", "full-disk-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;

    @AfterEach
    void stop() throws InterruptedException {
        cluster.close();
    }

    @Test
    void aSupernodeWithoutRoomRefusesNewFilesWhichWaitInTheOutboxUntilThereIsRoom() throws Exception {
        cluster = new TestCluster(folder).startSupernode("swarmdrop.supernode.disk.min-free", "1000T");
        cluster.createUser("alice", "alice-password");
        cluster.createUser("bob", "bob-password");
        cluster.createGroup("design", "alice", "bob");
        DaemonProcess alice = cluster.daemon("alice", "alice-password").start();
        DaemonProcess bob = cluster.daemon("bob", "bob-password").start();
        Path source = RandomFiles.write(folder.resolve("sources/scan.pdf"), 1L << 20, 5);

        alice.drop("design", source);
        await("alice is told why").atMost(Duration.ofMinutes(1)).until(() -> Files.readString(alice.log())
                .matches("(?s).*'scan\\.pdf' not published yet: .*this supernode's disk is nearly full.*"));
        assertThat(alice.status().get("outbox")).as("nothing final recorded").isEmpty();
        assertThat(Files.readString(cluster.supernode().log())).contains("refused 'scan.pdf'");

        cluster.supernode().stop();
        cluster.startSupernode();
        Path delivered = bob.inbox("design").resolve("scan.pdf");
        await("bob's copy once the supernode has room")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(delivered));
        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
    }
}
