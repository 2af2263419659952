package io.swarmdrop.daemon.lan;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.route.FakeRoute;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.testing.RandomFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LAN route and its offers: which groups and ids it takes, and what a key-less host cannot forge. */
class LanRouteTest {

    private static final String SITE_KEY =
            Base64.getEncoder().encodeToString("a site key of 32 bytes, not less".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path folder;

    private final LanRoute lan = new LanRoute(new LocalGroups(Map.of("site", SITE_KEY)));
    private final FakeRoute supernodes = new FakeRoute.Fallback("pub-", Set.of("site", "design"));
    private final Routes routes = new Routes(List.of(supernodes, lan));

    @Test
    void aLocalGroupKeepsToTheLanEvenWhenASupernodeKnowsTheSameName() {
        assertThat(routes.forGroup("site")).isSameAs(lan);
        assertThat(routes.forGroup("design")).isSameAs(supernodes);
        assertThat(routes.groups()).containsExactly("design", "site");
    }

    @Test
    void everySenderOfOneFileGivesItTheSameIdAndTheIdSaysItsRoute() throws Exception {
        Path file = RandomFiles.write(folder.resolve("site-plan.pdf"), 20_000, 1);
        Metainfo metainfo = TorrentCreator.create(file);

        String id = lan.publish("site", metainfo, file);

        assertThat(id).isEqualTo(LanRoute.publicationId(metainfo.infohashV2())).startsWith("lan-");
        assertThat(lan.publish("site", TorrentCreator.create(file), file)).isEqualTo(id);
        assertThat(routes.forPublication(id)).isSameAs(lan);
        assertThat(routes.forPublication("0b6f0c52-supernode-id")).isSameAs(supernodes);
    }

    @Test
    void aLanPublicationHasNoTrackerNoReceiptKeeperAndIsNeverRemoved() {
        String id = "lan-" + "ab".repeat(24);
        lan.acknowledge(id);
        lan.progress(id, 1_000);

        assertThat(lan.trackers()).isEmpty();
        assertThat(lan.isRemoved(id)).isFalse();
    }

    @Test
    void aSealedOfferTellsAHostWithoutTheKeyNothingAndCannotBeForgedOrChanged() {
        GroupKey key = new LocalGroups(Map.of("site", SITE_KEY)).key("site");
        String infohash = "ab".repeat(32);
        var offer = new LanMessage(
                LanMessage.OFFER,
                "instance-1",
                "laptop",
                "alice",
                6881,
                7700,
                "site",
                LanRoute.publicationId(infohash),
                "site-plan.pdf",
                20_000,
                infohash,
                1_700_000_000_000L);
        byte[] sealed = key.seal(Lan.OFFER_PURPOSE, offer.toBytes());
        String seen = new String(sealed, StandardCharsets.ISO_8859_1);

        assertThat(seen).doesNotContain(infohash.substring(0, 16), "site-plan", "6881", "7700", "alice");
        assertThat(key.open(Lan.OFFER_PURPOSE, sealed, sealed.length)).contains(offer.toBytes());

        GroupKey guessed = new GroupKey("site", "another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8));
        assertThat(guessed.open(Lan.OFFER_PURPOSE, sealed, sealed.length))
                .as("opened with another key")
                .isEmpty();
        byte[] changed = sealed.clone();
        changed[changed.length - 20] ^= 1;
        assertThat(key.open(Lan.OFFER_PURPOSE, changed, changed.length))
                .as("changed on the way")
                .isEmpty();
        assertThat(key.open(MetainfoExchange.PURPOSE, sealed, sealed.length))
                .as("taken for something else")
                .isEmpty();
        assertThat(new GroupKey("other", "a site key of 32 bytes, not less".getBytes(StandardCharsets.UTF_8))
                        .open(Lan.OFFER_PURPOSE, sealed, sealed.length))
                .as("the same secret under another group's name")
                .isEmpty();
    }

    @Test
    void aCapturedOfferIsTakenOnceAndNotAfterItsWindow() {
        var guard = new ReplayGuard(Duration.ofSeconds(60), 100);
        long now = 1_700_000_000_000L;

        assertThat(guard.accept("nonce-1", now - 1_000, now)).isTrue();
        assertThat(guard.accept("nonce-1", now - 1_000, now + 5_000))
                .as("the same datagram again")
                .isFalse();
        assertThat(guard.accept("nonce-2", now - 61_000, now))
                .as("sent more than a minute ago")
                .isFalse();
        assertThat(guard.accept("nonce-3", now + 61_000, now))
                .as("from the future")
                .isFalse();
        for (int i = 0; i < 1_000; i++) {
            guard.accept("flood-" + i, now, now);
        }
        assertThat(guard.accept("nonce-4", now, now))
                .as("a new offer after a flood")
                .isTrue();
    }

    @Test
    void everyKeyHolderDerivesTheSameRootAndOnlyItsCertificatesPassIt() throws Exception {
        byte[] secret = Base64.getDecoder().decode(SITE_KEY);
        PeerRoots.Root mine = new GroupKey("site", secret).peerRoot();
        PeerRoots.Root theirs = new GroupKey("site", secret).peerRoot();
        PeerRoots.Root stranger =
                new GroupKey("site", "not the site key, still 32 bytes".getBytes(StandardCharsets.UTF_8)).peerRoot();

        assertThat(PeerRoots.sameKey(mine.certificatePem(), theirs.certificatePem()))
                .isTrue();
        assertThat(PeerRoots.sameKey(mine.certificatePem(), stranger.certificatePem()))
                .isFalse();
        var certificate = PeerRoots.certificate(
                PeerRoots.issue(theirs, PeerRoots.newKeyPair().getPublic(), "laptop", "lan", "site")
                        .certificatePem());
        certificate.verify(PeerRoots.certificate(mine.certificatePem()).getPublicKey());
        assertThat(lan.peerRoot("site"))
                .hasValueSatisfying(root -> assertThat(PeerRoots.sameKey(root, mine.certificatePem()))
                        .isTrue());
    }
}
