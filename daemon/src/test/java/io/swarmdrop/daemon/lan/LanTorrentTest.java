package io.swarmdrop.daemon.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.engine.EngineOptions;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TrackerAccess;
import io.swarmdrop.testing.FreePorts;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.RawPeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local group's file is an SSL torrent of the root both holders of the group key derive: two
 * real libtorrent sessions, each with its own copy of the root and a certificate it issued itself,
 * exchange it; a peer that knows only the hash gets nothing.
 */
class LanTorrentTest {

    private static final byte[] SECRET = "a site key of 32 bytes, not less".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @Test
    void twoHoldersOfTheKeyExchangeTheFileAndAnOutsiderGetsNothing() throws Exception {
        Path source = RandomFiles.write(folder.resolve("alice/site-plan.pdf"), 1 << 20, 3);
        GroupKey alicesKey = new GroupKey("site", SECRET);
        GroupKey bobsKey = new GroupKey("site", SECRET);
        Metainfo metainfo = TorrentCreator.create(source, alicesKey.peerRoot().certificatePem(), (d, a) -> {});

        try (var alice = engine(alicesKey, "alice-pc");
                var bob = engine(bobsKey, "bob-pc")) {
            alice.add("lan", metainfo, source.getParent(), List.of(), true, null);
            bob.add("lan", metainfo, folder.resolve("bob"), List.of(), false, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                bob.connect("lan", "127.0.0.1", alice.port());
                return bob.status("lan").orElseThrow().finished();
            });
            assertThat(Files.readAllBytes(folder.resolve("bob/site-plan.pdf"))).isEqualTo(Files.readAllBytes(source));
            assertThat(RawPeer.fetchFirstBlockOverTls(
                            "127.0.0.1", alice.port(), metainfo.announceHashes().get(1), Duration.ofSeconds(3)))
                    .isZero();
        }
    }

    private static TorrentEngine engine(GroupKey key, String device) {
        KeyPair keys = PeerRoots.newKeyPair();
        PeerCredential credential = PeerRoots.issue(key.peerRoot(), keys.getPublic(), device, "lan", "site")
                .withKey(PeerRoots.privateKeyPem(keys.getPrivate()));
        var engine = new TorrentEngine(
                new EngineOptions("127.0.0.1", FreePorts.next()),
                root -> PeerRoots.sameKey(root, key.peerRoot().certificatePem())
                        ? Optional.of(credential)
                        : Optional.empty(),
                TrackerAccess.NONE);
        engine.start();
        return engine;
    }
}
