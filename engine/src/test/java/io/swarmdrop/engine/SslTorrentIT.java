package io.swarmdrop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.core.security.PeerCredential;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.testing.FreePorts;
import io.swarmdrop.testing.RawPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSL torrents admit only peers with a certificate of the torrent's root: a member fetches, while
 * an outsider that holds the metainfo (a device of another group, with a certificate of another
 * root) and a raw peer that knows only the info-hash get nothing, on either listen port.
 */
class SslTorrentIT {

    @TempDir
    Path folder;

    @Test
    void onlyPeersWithACertificateOfTheRootGetBytes() throws Exception {
        PeerRoots.Root design = PeerRoots.create("design");
        PeerRoots.Root sales = PeerRoots.create("sales");
        Path source = TorrentFiles.random(folder.resolve("seed"), "plan.bin", 2_000_000, 11);
        Metainfo metainfo = TorrentCreator.create(source, design.certificatePem(), (done, all) -> {});
        assertThat(metainfo.isSsl()).isTrue();
        assertThat(Metainfo.parse(metainfo.bytes()).peerRoot()).isEqualTo(design.certificatePem());

        try (var seeder = engine(design, "publisher", false);
                var member = engine(design, "member", false);
                var outsider = engine(sales, "outsider", true)) {
            seeder.add("p", metainfo, source.getParent(), List.of(), true, null);
            member.add("p", metainfo, folder.resolve("member"), List.of(), false, null);
            outsider.add("p", metainfo, folder.resolve("outsider"), List.of(), false, null);
            outsider.connect("p", "127.0.0.1", seeder.port());
            outsider.connect("p", "127.0.0.1", member.port());
            member.connect("p", "127.0.0.1", seeder.port());

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                outsider.connect("p", "127.0.0.1", seeder.port());
                return member.status("p").orElseThrow().finished();
            });
            assertThat(Files.readAllBytes(folder.resolve("member/plan.bin"))).isEqualTo(Files.readAllBytes(source));
            assertThat(outsider.status("p").orElseThrow().downloaded())
                    .as("bytes a device of another group got")
                    .isZero();

            String hash = metainfo.announceHashes().get(1);
            Duration timeout = Duration.ofSeconds(3);
            assertThat(RawPeer.fetchFirstBlock("127.0.0.1", seeder.plainPort(), hash, timeout))
                    .isZero();
            assertThat(RawPeer.fetchFirstBlock("127.0.0.1", seeder.port(), hash, timeout))
                    .isZero();
            assertThat(RawPeer.fetchFirstBlockOverTls("127.0.0.1", seeder.port(), hash, timeout))
                    .isZero();
            assertThat(RawPeer.fetchFirstBlockOverTls("127.0.0.1", member.port(), hash, timeout))
                    .isZero();
        }
    }

    @Test
    void theRawPeerGetsAPlainTorrentsBytes() throws Exception {
        // The outsider above is a real peer: the same one is served by a torrent without a root.
        Path source = TorrentFiles.random(folder.resolve("seed"), "open.bin", 500_000, 12);
        Metainfo metainfo = TorrentCreator.create(source);
        try (var seeder = new TorrentEngine(new EngineOptions("127.0.0.1", FreePorts.next()))) {
            seeder.start();
            seeder.add("p", metainfo, source.getParent(), List.of(), true, null);
            String hash = metainfo.announceHashes().get(1);
            // A connection that comes while libtorrent still sets the torrent up is dropped: try again.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> RawPeer.fetchFirstBlock("127.0.0.1", seeder.plainPort(), hash, Duration.ofSeconds(3))
                            == 16 * 1024);
        }
    }

    /** An engine with a certificate of {@code root}, shown for that root's torrents, or for any with {@code everywhere}. */
    private static TorrentEngine engine(PeerRoots.Root root, String device, boolean everywhere) {
        KeyPair keys = PeerRoots.newKeyPair();
        PeerCredential issued = PeerRoots.issue(root, keys.getPublic(), device, device, "group");
        var credential = new PeerCredential(
                issued.rootId(),
                issued.certificatePem(),
                PeerRoots.privateKeyPem(keys.getPrivate()),
                issued.notAfter());
        var engine = new TorrentEngine(
                new EngineOptions("127.0.0.1", FreePorts.next()),
                rootPem -> everywhere || PeerRoots.idOf(rootPem).equals(root.id())
                        ? Optional.of(credential)
                        : Optional.empty(),
                TrackerAccess.NONE);
        engine.start();
        return engine;
    }
}
