package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.FreePorts;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 3: LAN mode. Three daemon processes and no supernode at all: they hear each other by
 * multicast, and a file dropped into a local group's outbox reaches the daemon holding the group's
 * key; the daemon with another key logs the offer as unproven and never gets the file.
 */
class LanIT {

    private final Path folder =
            Path.of("target", "e2e", "lan-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;

    @AfterEach
    void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private DaemonProcess daemon(String user, String siteKey, int lanPort) {
        return cluster.daemon(user, user + "-password")
                .with("swarmdrop.daemon.lan.port", Integer.toString(lanPort))
                .with("swarmdrop.daemon.lan.announce-every", "1s")
                .with("swarmdrop.lan-groups.site", siteKey)
                .with("swarmdrop.daemon.device-name", user + "-pc")
                // Peers connect to the address the offer came from, not to loopback.
                .with("swarmdrop.daemon.torrent.host", "0.0.0.0");
    }

    @Test
    void aLocalGroupsFileReachesTheKeyHoldersOnlyWithNoSupernodeAnywhere() throws Exception {
        cluster = new TestCluster(folder); // No supernode: its URL answers nothing.
        int lanPort = FreePorts.next();
        String siteKey = newKey();
        DaemonProcess alice = daemon("alice", siteKey, lanPort).startAlone();
        DaemonProcess bob = daemon("bob", siteKey, lanPort).startAlone();
        DaemonProcess carol = daemon("carol", newKey(), lanPort).startAlone();

        await("alice hears bob and carol").atMost(Duration.ofSeconds(30)).until(() -> {
            String peers = alice.command("lan", "peers").out();
            return peers.contains("bob-pc") && peers.contains("carol-pc");
        });
        assertThat(alice.command("lan", "peers").out()).startsWith("mode: lan");
        assertThat(alice.status().path("lan").path("mode").asText()).isEqualTo("LAN");

        Path source = RandomFiles.write(folder.resolve("source/site-plan.pdf"), 6 << 20, 7);
        alice.drop("site", source);

        Path received = bob.inbox("site").resolve("site-plan.pdf");
        await("bob receives the file over the LAN")
                .atMost(Duration.ofSeconds(90))
                .until(() -> Files.exists(received));
        assertThat(RandomFiles.sha256(received)).isEqualTo(RandomFiles.sha256(source));

        // Carol holds another key for a group of the same name: she hears alice's sealed offers
        // and can read nothing in them, not even the file's name.
        await("carol hears offers she cannot open")
                .atMost(Duration.ofSeconds(30))
                .until(() -> carol.status().path("lan").path("unreadableOffers").asLong() > 0);
        assertThat(Files.readString(carol.log())).doesNotContain("site-plan");
        assertThat(carol.status().path("deliveries")).isEmpty();
        assertThat(carol.status().path("transfers")).isEmpty();
        try (var inbox = Files.list(carol.inbox("site"))) {
            assertThat(inbox).isEmpty();
        }
    }

    @Test
    void aLanFetchCutByARestartResumesWithoutASupernode() throws Exception {
        cluster = new TestCluster(folder);
        int lanPort = FreePorts.next();
        String siteKey = newKey();
        DaemonProcess alice = daemon("alice", siteKey, lanPort).startAlone();
        // Slow enough that the fetch is still under way when bob is stopped.
        DaemonProcess bob = daemon("bob", siteKey, lanPort)
                .with("swarmdrop.daemon.torrent.download-limit", Integer.toString(1 << 20))
                .startAlone();

        Path source = RandomFiles.write(folder.resolve("source/survey.bin"), 12 << 20, 8);
        alice.drop("site", source);
        await("bob's fetch under way")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> bob.transfer("survey.bin").path("totalDone").asLong() > (1 << 20));
        bob.stop();
        bob.startAlone();

        Path received = bob.inbox("site").resolve("survey.bin");
        await("bob's fetch resumes and completes")
                .atMost(Duration.ofSeconds(90))
                .until(() -> Files.exists(received));
        assertThat(RandomFiles.sha256(received)).isEqualTo(RandomFiles.sha256(source));
        assertThat(Files.readString(bob.log())).contains("continuing the fetch of 'survey.bin'");
    }
}
