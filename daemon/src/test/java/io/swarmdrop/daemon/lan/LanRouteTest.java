package io.swarmdrop.daemon.lan;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.daemon.route.FakeRoute;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.testing.RandomFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    void anOfferSignedWithoutTheGroupKeyOrChangedOnTheWayIsRefused() {
        byte[] key = new LocalGroups(Map.of("site", SITE_KEY)).key("site");
        var offer = new LanMessage(
                        LanMessage.OFFER,
                        "instance-1",
                        "laptop",
                        "alice",
                        6881,
                        7700,
                        "site",
                        "lan-" + "ab".repeat(24),
                        "site-plan.pdf",
                        20_000,
                        "ab".repeat(32),
                        1_700_000_000_000L,
                        null)
                .signed(key);
        assertThat(offer.isSignedWith(key)).isTrue();

        byte[] guessed = "another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);
        assertThat(offer.signed(guessed).isSignedWith(key))
                .as("signed with another key")
                .isFalse();
        var redirected = new LanMessage(
                offer.type(),
                offer.instance(),
                offer.device(),
                offer.user(),
                6999,
                offer.httpPort(),
                offer.group(),
                offer.id(),
                offer.name(),
                offer.size(),
                offer.infohash(),
                offer.sentMillis(),
                offer.mac());
        assertThat(redirected.isSignedWith(key))
                .as("its port changed on the way")
                .isFalse();
        assertThat(LanMessage.isProof(key, offer.id(), LanMessage.proof(key, offer.id())))
                .isTrue();
        assertThat(LanMessage.isProof(key, offer.id(), LanMessage.proof(guessed, offer.id())))
                .isFalse();
    }
}
