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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3, item 4: files leave the supernode once everyone has them, or when their time is up. */
class CollectionIT {

    private final Path folder =
            Path.of("target", "e2e", "collection-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;
    private DaemonProcess alice;
    private DaemonProcess bob;
    private DaemonProcess carol;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new TestCluster(folder).startSupernode("swarmdrop.supernode.gc.every", "1s");
        for (String user : new String[] {"alice", "bob", "carol"}) {
            cluster.createUser(user, user + "-password");
        }
        cluster.createGroup("design", "alice", "bob", "carol");
        alice = cluster.daemon("alice", "alice-password").start();
        bob = cluster.daemon("bob", "bob-password").start();
        carol = cluster.daemon("carol", "carol-password");
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    private String publishAndAwaitBob(String name, long seed) throws Exception {
        Path source = RandomFiles.write(folder.resolve("sources").resolve(name), 1L << 20, seed);
        alice.drop("design", source);
        await(name + " at bob")
                .atMost(Duration.ofMinutes(1))
                .until(() -> Files.exists(bob.inbox("design").resolve(name)));
        await(name + " stored")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> cluster.supernodeTransfer(name).get("finished").asBoolean());
        return cluster.supernodeTransfer(name).get("key").asText();
    }

    private boolean storedOnSupernode(String id) {
        boolean inCatalog = false;
        for (JsonNode row : cluster.admin("GET", "/admin/stored", null, 200)) {
            inCatalog |= row.get("publicationId").asText().equals(id);
        }
        return inCatalog || Files.exists(folder.resolve("supernode/store").resolve(id));
    }

    @Test
    void aFileStaysWhileARecipientLacksItAndGoesOnceTheLastOneHasIt() throws Exception {
        String id = publishAndAwaitBob("agenda.bin", 1);

        await("kept while carol lacks it")
                .during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(() -> storedOnSupernode(id));
        carol.start();
        await("carol's copy")
                .atMost(Duration.ofMinutes(1))
                .until(() -> Files.exists(carol.inbox("design").resolve("agenda.bin")));

        await("gone from the supernode's disk and catalog")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !storedOnSupernode(id));
        JsonNode detail = cluster.admin("GET", "/admin/publications/" + id, null, 200);
        assertThat(detail.get("publication").get("state").asText()).isEqualTo("REMOVED");
        assertThat(detail.get("removal").get("reason").asText()).isEqualTo("every recipient has it");
        assertThat(detail.get("received")).hasSize(2);
        assertThat(Files.exists(folder.resolve("supernode/torrents").resolve(id + ".torrent")))
                .isFalse();
    }

    @Test
    void anExpiredFileIsRemovedAndTheMemberWhoNeverGotItIsMarkedAndTold() throws Exception {
        cluster.setPolicy("design", "retention.max-age = PT6S\n");
        String id = publishAndAwaitBob("flash-sale.bin", 2);

        await("removed when its six seconds are up")
                .atMost(Duration.ofSeconds(40))
                .until(() -> cluster.admin("GET", "/admin/publications/" + id, null, 200)
                        .get("removal")
                        .isObject());
        JsonNode removal =
                cluster.admin("GET", "/admin/publications/" + id, null, 200).get("removal");
        assertThat(removal.get("reason").asText()).isEqualTo("its retention time ran out");
        assertThat(removal.get("expired")).extracting(JsonNode::asText).containsExactly("carol");
        await("gone from the supernode").atMost(Duration.ofSeconds(30)).until(() -> !storedOnSupernode(id));

        carol.start();
        await("carol is told what she missed").atMost(Duration.ofSeconds(30)).until(() -> Files.readString(carol.log())
                .contains("'flash-sale.bin' from alice in group design expired"));
        assertThat(carol.inbox("design").resolve("flash-sale.bin")).doesNotExist();
    }
}
