package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.swarmdrop.core.api.PeerCertificate;
import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.PeerCredentials;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TrackerAccess;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.FreePorts;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.RawPeer;
import io.swarmdrop.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16: only members' devices ever get a publication's bytes. Before SSL torrents, a raw
 * BitTorrent peer that knew only the info-hash was served the whole file by the publisher, the
 * supernode and any inbox that seeded it (finding A2). Here the outsiders hold the real metainfo
 * (leaked by a member) and connect straight to those three BitTorrent ports, and get nothing: one
 * with no account, a device of another group with its own group's certificate, and a member
 * removed from the group with the certificate it had before, for a file published after the
 * removal. The members get every file, complete and verified.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerTrustIT {

    /** How long an outsider keeps trying; the members' own transfers take well under a second here. */
    private static final Duration WINDOW = Duration.ofSeconds(4);

    private final Path folder =
            Path.of("target", "e2e", "trust-" + System.currentTimeMillis()).toAbsolutePath();
    private TestCluster cluster;
    private DaemonProcess alice;
    private DaemonProcess bob;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("alice", "alice-password");
        cluster.createUser("bob", "bob-password");
        cluster.createUser("carol", "carol-password");
        cluster.createUser("mallory", "mallory-password");
        // Dave never runs a daemon: his receipt stays pending, so no publication is collected (and
        // no seeder stops) while an outsider tries it.
        cluster.createUser("dave", "dave-password");
        cluster.createGroup("design", "alice", "bob", "carol", "dave");
        cluster.createGroup("sales", "mallory");
        alice = cluster.daemon("alice", "alice-password").start();
        bob = cluster.daemon("bob", "bob-password").start();
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    @Test
    void outsidersThatKnowTheTorrentGetNoBytesFromThePublisherTheSupernodeOrAnInbox() throws Exception {
        Path source = RandomFiles.write(folder.resolve("sources/plan.bin"), 2 << 20, 16);
        Metainfo leaked = publishAndDeliver(source);
        String hash = leaked.announceHashes().get(1);
        assertThat(leaked.isSsl()).isTrue();

        for (Map.Entry<String, Integer> port : seeders().entrySet()) {
            assertThat(RawPeer.fetchFirstBlock("127.0.0.1", port.getValue(), hash, WINDOW))
                    .as("bytes a raw peer got from the %s over TCP", port.getKey())
                    .isZero();
            assertThat(RawPeer.fetchFirstBlockOverTls("127.0.0.1", port.getValue(), hash, WINDOW))
                    .as("bytes a raw peer got from the %s over TLS without a certificate", port.getKey())
                    .isZero();
        }
        assertNothingReaches(leaked, PeerCredentials.NONE, "a libtorrent peer without a certificate");

        String mallory = login("mallory");
        KeyPair keys = PeerRoots.newKeyPair();
        assertThatThrownBy(() -> cluster.peerCertificate(mallory, "design", keys.getPublic(), null))
                .isInstanceOfSatisfying(
                        SupernodeException.class, e -> assertThat(e.status()).isEqualTo(403));
        PeerCredential sales = credential(cluster.peerCertificate(mallory, "sales", keys.getPublic(), null), keys);
        assertNothingReaches(leaked, root -> Optional.of(sales), "a device of another group, with its certificate");
    }

    @Test
    void aRemovedMemberCannotFetchWhatIsPublishedAfterTheRemoval() throws Exception {
        String carol = login("carol");
        KeyPair keys = PeerRoots.newKeyPair();
        PeerCredential before = credential(cluster.peerCertificate(carol, "design", keys.getPublic(), null), keys);

        cluster.admin("DELETE", "/admin/groups/design/members/carol", null, 204);
        Path source = RandomFiles.write(folder.resolve("sources/after-carol.bin"), 1 << 20, 17);
        Metainfo leaked = publishAndDeliver(source);

        assertThat(PeerRoots.idOf(leaked.peerRoot()))
                .as("published under a new root once carol left")
                .isNotEqualTo(before.rootId());
        assertThatThrownBy(() ->
                        cluster.peerCertificate(carol, "design", keys.getPublic(), PeerRoots.idOf(leaked.peerRoot())))
                .isInstanceOfSatisfying(
                        SupernodeException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertNothingReaches(leaked, root -> Optional.of(before), "carol, removed, with the certificate she had");
    }

    /** Alice publishes {@code source}; bob gets it whole; answers the metainfo as a member would leak it. */
    private Metainfo publishAndDeliver(Path source) throws Exception {
        String name = source.getFileName().toString();
        alice.drop("design", source);
        Path delivered = bob.inbox("design").resolve(name);
        await("bob's copy of " + name).atMost(Duration.ofMinutes(1)).until(() -> Files.exists(delivered));
        assertThat(RandomFiles.sha256(delivered)).isEqualTo(RandomFiles.sha256(source));
        await("the supernode's copy of " + name)
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> cluster.supernodeTransfer(name).get("finished").asBoolean());
        String id = cluster.supernodeTransfer(name).get("key").asText();
        JsonNode bobsDevice = TestCluster.JSON.readTree(
                cluster.login("bob", "bob-password", "bobs-phone").body());
        return Metainfo.parse(cluster.client(bobsDevice.get("token").asText()).torrent(id));
    }

    /** The BitTorrent ports that seed a delivered publication: the publisher's outbox, the supernode, bob's inbox. */
    private Map<String, Integer> seeders() {
        return Map.of(
                "publisher", alice.torrentPort,
                "supernode", cluster.torrentPort(),
                "inbox seeder", bob.torrentPort);
    }

    /**
     * A real libtorrent session with {@code credentials} joins the swarm of {@code leaked} and
     * connects to every seeder, next to a new device of bob's with a certificate of the torrent's
     * root: the member's session fetches the whole file from those seeders (so they are serving),
     * the outsider's gets no byte, then or in the {@link #WINDOW} after.
     */
    private void assertNothingReaches(Metainfo leaked, PeerCredentials credentials, String who) throws Exception {
        KeyPair memberKeys = PeerRoots.newKeyPair();
        PeerCredential member = credential(
                cluster.peerCertificate(
                        login("bob"), "design", memberKeys.getPublic(), PeerRoots.idOf(leaked.peerRoot())),
                memberKeys);
        try (var outsider = engine(credentials);
                var control = engine(root -> Optional.of(member))) {
            outsider.add("leaked", leaked, folder.resolve("outsider-" + System.nanoTime()), List.of(), false, null);
            control.add("leaked", leaked, folder.resolve("member-" + System.nanoTime()), List.of(), false, null);
            await("a member's new device fetches from the seeders")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> {
                        for (int port : seeders().values()) {
                            outsider.connect("leaked", "127.0.0.1", port);
                            control.connect("leaked", "127.0.0.1", port);
                        }
                        return control.status("leaked").orElseThrow().finished();
                    });
            assertThat(outsider.status("leaked").orElseThrow().downloaded())
                    .as(who)
                    .isZero();
            await(who + " gets nothing")
                    .during(WINDOW)
                    .atMost(WINDOW.plusSeconds(5))
                    .until(() -> {
                        seeders().values().forEach(port -> outsider.connect("leaked", "127.0.0.1", port));
                        return outsider.status("leaked").orElseThrow().downloaded() == 0;
                    });
        }
    }

    private static TorrentEngine engine(PeerCredentials credentials) {
        var engine =
                new TorrentEngine(new EngineOptions("127.0.0.1", FreePorts.next()), credentials, TrackerAccess.NONE);
        engine.start();
        return engine;
    }

    private String login(String user) throws Exception {
        return TestCluster.JSON
                .readTree(cluster.login(user, user + "-password", user + "-laptop")
                        .body())
                .get("token")
                .asText();
    }

    private static PeerCredential credential(PeerCertificate.Issued issued, KeyPair keys) {
        return new PeerCredential(
                issued.root(), issued.certificate(), PeerRoots.privateKeyPem(keys.getPrivate()), issued.notAfter());
    }
}
