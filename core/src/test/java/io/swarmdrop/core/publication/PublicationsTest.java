package io.swarmdrop.core.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmdrop.core.directory.ZooKeeperExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublicationsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @RegisterExtension
    final ZooKeeperExtension zk = new ZooKeeperExtension();

    private Publications publications;

    @BeforeEach
    void setUp() throws Exception {
        publications = new Publications(zk.client(), Clock.fixed(NOW, ZoneOffset.UTC));
        for (String user : List.of("bob", "carol")) {
            zk.client().create().creatingParentsIfNeeded().forPath("/users/" + user + "/pending");
        }
        zk.client().create().creatingParentsIfNeeded().forPath("/groups/design/published");
    }

    private static Publication publication(String id, String v2) {
        return new Publication(
                id,
                "design",
                "plan.pdf",
                1234,
                "a".repeat(40),
                v2,
                "alice",
                "dev1",
                "sn-1",
                NOW,
                PublicationState.ACTIVE,
                "default");
    }

    @Test
    void fixesTargetsAndListsThePublicationAsPendingForEach() {
        var created = publications.create(publication("p1", "b".repeat(64)), List.of("bob", "carol"));

        assertThat(created.isNew()).isTrue();
        assertThat(publications.targets("p1")).containsExactlyInAnyOrder("bob", "carol");
        assertThat(publications.pendingFor("bob")).extracting(Publication::id).containsExactly("p1");
        assertThat(publications.idsForInfohash("a".repeat(40))).containsExactly("p1");
        assertThat(publications.idsForInfohash("b".repeat(40))).containsExactly("p1");
    }

    @Test
    void publishingTheSameTorrentToTheSameGroupAgainReturnsTheFirstPublication() {
        publications.create(publication("p1", "b".repeat(64)), List.of("bob"));

        var again = publications.create(publication("p2", "b".repeat(64)), List.of("bob"));

        assertThat(again.isNew()).isFalse();
        assertThat(again.publication().id()).isEqualTo("p1");
        assertThat(publications.find("p2")).isEmpty();
        assertThat(publications.pendingFor("bob")).hasSize(1);
    }

    @Test
    void acknowledgementIsIdempotentAndOnlyForTargets() {
        publications.create(publication("p1", "b".repeat(64)), List.of("bob", "carol"));

        assertThat(publications.acknowledge("p1", "bob", "dev2")).isTrue();
        assertThat(publications.acknowledge("p1", "bob", "dev2")).isFalse();

        assertThat(publications.receivedBy("p1")).containsExactly("bob");
        assertThat(publications.pendingFor("bob")).isEmpty();
        assertThat(publications.pendingFor("carol")).extracting(Publication::id).containsExactly("p1");
        assertThatThrownBy(() -> publications.acknowledge("p1", "mallory", "dev9"))
                .isInstanceOf(PublicationException.class)
                .hasMessageContaining("not a recipient");
    }

    @Test
    void holdersAreRecordedUpdatedAndReleased() {
        publications.create(publication("p1", "b".repeat(64)), List.of("bob"));

        publications.hold("p1", "sn-a", "paris", false);
        publications.hold("p1", "sn-b", "tokyo", false);
        publications.hold("p1", "sn-a", "paris", true);
        publications.release("p1", "sn-b");
        publications.release("p1", "sn-b");

        assertThat(publications.holders("p1"))
                .extracting(Holder::node, Holder::zone, Holder::complete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sn-a", "paris", true));
    }

    @Test
    void holdingAForgottenPublicationDoesNotBringItBack() {
        publications.hold("gone", "sn-a", "paris", true);

        assertThat(publications.find("gone")).isEmpty();
        assertThat(publications.holders("gone")).isEmpty();
    }
}
