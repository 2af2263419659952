package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.core.files.FileTrees;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 7, watched-folder robustness and group folders set in the config: a file still being
 * written is published once, complete; a rename inside the outbox is followed, not published
 * again; deleting a published file unpublishes nothing; a big file shows its hashing progress.
 * Alice's outbox of the group is a folder outside her root, and bob's inbox of it is on another
 * file system (/dev/shm), so delivery there goes by copy and rename.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxIT {

    private final Path folder =
            Path.of("target", "e2e", "outbox-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;
    private DaemonProcess alice;
    private DaemonProcess bob;
    private DaemonProcess carol;
    private Path aliceOutbox;
    private Path bobInbox;

    @BeforeAll
    void startCluster() throws IOException {
        aliceOutbox = Files.createDirectories(folder.resolve("shared/design-out"));
        bobInbox = Files.createTempDirectory(Path.of("/dev/shm"), "swarmdrop-bob-design-in");
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("alice", "alice-password");
        cluster.createUser("bob", "bob-password");
        cluster.createUser("carol", "carol-password");
        cluster.createGroup("design", "alice", "bob", "carol");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        alice = cluster.daemon("alice", "alice-password")
                .with("swarmdrop.folders.outbox.design", aliceOutbox.toString())
                // Ten times the writer's pauses, so a slow machine does not see a pause as the end.
                .with("swarmdrop.daemon.outbox.stable-for", "2s")
                .with("swarmdrop.lan-groups.solo", Base64.getEncoder().encodeToString(key))
                .start();
        bob = cluster.daemon("bob", "bob-password")
                .with("swarmdrop.folders.inbox.design", bobInbox.toString())
                .start();
        carol = cluster.daemon("carol", "carol-password"); // Offline until a test starts her.
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (bobInbox != null) {
            FileTrees.delete(bobInbox);
        }
    }

    @Test
    void aFileStillBeingWrittenIsPublishedOnceWhenComplete() throws Exception {
        Path growing = aliceOutbox.resolve("recording.wav");
        byte[] chunk = new byte[256 * 1024];
        var random = new SplittableRandom(7);
        var written = new java.io.ByteArrayOutputStream();
        // A slow copy: the file grows in the outbox under its final name, with pauses.
        try (OutputStream out = Files.newOutputStream(growing)) {
            for (int i = 0; i < 8; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
                out.flush();
                written.write(chunk);
                Thread.sleep(200);
            }
        }
        Path expected = Files.write(folder.resolve("recording.wav"), written.toByteArray());

        Path delivered = bobInbox.resolve("recording.wav");
        await("bob has the recording").atMost(Duration.ofMinutes(2)).until(() -> Files.exists(delivered));
        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(expected));
        assertThat(entries(alice, "recording.wav"))
                .as("one journal entry: published once, complete")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path("state").asText()).isEqualTo("PUBLISHED");
                    assertThat(e.path("size").asLong()).isEqualTo(8L * chunk.length);
                });
    }

    @Test
    void aRenameIsFollowedAndADeleteUnpublishesNothing() throws Exception {
        Path source = RandomFiles.write(folder.resolve("sources/plan.pdf"), 300_000, 11);
        Files.copy(source, folder.resolve("sources/plan.pdf.part"));
        Files.move(folder.resolve("sources/plan.pdf.part"), aliceOutbox.resolve("plan.pdf"));
        await("bob has the plan").atMost(Duration.ofMinutes(2)).until(() -> Files.exists(bobInbox.resolve("plan.pdf")));
        String id = entries(alice, "plan.pdf").get(0).path("publicationId").asText();

        Files.move(aliceOutbox.resolve("plan.pdf"), aliceOutbox.resolve("plan-final.pdf"));
        await("alice's journal follows the rename")
                .atMost(Duration.ofSeconds(60))
                .until(() -> !entries(alice, "plan-final.pdf").isEmpty());
        assertThat(entries(alice, "plan-final.pdf"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("publicationId").asText()).isEqualTo(id));
        assertThat(entries(alice, "plan.pdf")).isEmpty();
        assertThat(Files.readString(alice.log())).contains("'plan.pdf' was renamed 'plan-final.pdf'");

        Files.delete(aliceOutbox.resolve("plan-final.pdf"));
        // A later file passes through the same scans: once it arrives, they have run.
        alice.drop("design", RandomFiles.write(folder.resolve("sources/later.bin"), 10_000, 12));
        await("bob has the later file")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(bobInbox.resolve("later.bin")));
        assertThat(deliveries(bob, "plan.pdf")).hasSize(1);
        assertThat(deliveries(bob, "plan-final.pdf"))
                .as("never published under the new name")
                .isEmpty();

        // Carol was offline all along: the deleted file is still hers to receive, from the supernode.
        carol.start();
        await("carol, offline at the time, still gets the plan")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(carol.inbox("design").resolve("plan.pdf")));
        assertThat(RandomFiles.sha256(carol.inbox("design").resolve("plan.pdf")))
                .isEqualTo(RandomFiles.sha256(source));
        assertThat(carol.inbox("design").resolve("plan-final.pdf")).doesNotExist();
        try (var left = Files.list(bobInbox)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no partial copies left in an inbox on another file system")
                    .noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void aBigFileShowsItsHashingProgress() throws Exception {
        // A local group: publishing it needs no supernode, so only the hashing is watched.
        Path outbox = Files.createDirectories(alice.outbox("solo"));
        Path partial = outbox.resolve("disk-image.iso.part");
        try (var file = new RandomAccessFile(partial.toFile(), "rw")) {
            file.setLength(3L << 30); // Sparse: hashing still reads all 3 GiB.
        }
        Files.move(partial, outbox.resolve("disk-image.iso"));

        List<Double> seen = new ArrayList<>();
        await("alice reports hashing progress")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (JsonNode h : alice.status().path("hashing")) {
                        if (h.path("name").asText().equals("disk-image.iso")) {
                            seen.add(h.path("progress").asDouble());
                        }
                    }
                    return seen.stream().anyMatch(p -> p > 0 && p < 1);
                });
        DaemonProcess.Run transfers = alice.command("transfers");
        await("published").atMost(Duration.ofMinutes(3)).until(() -> !entries(alice, "disk-image.iso")
                .isEmpty());
        assertThat(alice.status().path("hashing")).isEmpty();
        assertThat(seen).isSorted();
        assertThat(transfers.exit()).isZero();
        assertThat(transfers.out()).containsPattern("\\(hashing\\)\\s+\\d+\\.\\d% .*disk-image\\.iso \\(group solo\\)");
    }

    /** A daemon's journal entries of outbox files with this name. */
    private static List<JsonNode> entries(DaemonProcess daemon, String name) throws Exception {
        return named(daemon.status().path("outbox"), name);
    }

    private static List<JsonNode> deliveries(DaemonProcess daemon, String name) throws Exception {
        return named(daemon.status().path("deliveries"), name);
    }

    private static List<JsonNode> named(JsonNode array, String name) {
        var found = new ArrayList<JsonNode>();
        array.forEach(element -> {
            if (element.path("name").asText().equals(name)) {
                found.add(element);
            }
        });
        return found;
    }
}
