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

    /** A size is counted against the group's quota once a supernode holds the file, not on its claim. */
    @Test
    void aGroupsBytesCountOnlyFilesASupernodeHoldsComplete() {
        publications.create(publication("p1", "b".repeat(64)), List.of("bob"));
        assertThat(publications.activeBytes("design")).as("a claim only").isZero();

        publications.hold("p1", "sn-a", "paris", false);
        assertThat(publications.activeBytes("design")).as("on its way in").isZero();

        publications.hold("p1", "sn-a", "paris", true);
        assertThat(publications.activeBytes("design")).isEqualTo(1234);
    }

    @Test
    void holdingAForgottenPublicationDoesNotBringItBack() {
        publications.hold("gone", "sn-a", "paris", true);

        assertThat(publications.find("gone")).isEmpty();
        assertThat(publications.holders("gone")).isEmpty();
    }

    /** ZooKeeper refuses a request over 1 MB (jute.maxbuffer) and drops the connection that sent it. */
    @Test
    void aGroupTooLargeForOneTransactionGetsEveryMarkerAndLosesThemAllToExpiryOnRemoval() throws Exception {
        var users = new java.util.ArrayList<String>();
        for (int i = 1; i <= 6000; i++) {
            users.add("member-with-a-long-name-" + i);
        }
        for (List<String> chunk : List.of(users.subList(0, 3000), users.subList(3000, 6000))) {
            var ops = new java.util.ArrayList<org.apache.curator.framework.api.transaction.CuratorOp>();
            for (String user : chunk) {
                ops.add(zk.client().transactionOp().create().forPath("/users/" + user));
                ops.add(zk.client().transactionOp().create().forPath("/users/" + user + "/pending"));
                ops.add(zk.client().transactionOp().create().forPath("/users/" + user + "/expired"));
            }
            zk.client().transaction().forOperations(ops);
        }

        publications.create(publication("p1", "b".repeat(64)), users);

        assertThat(publications.targets("p1")).hasSize(6000);
        assertThat(zk.client().checkExists().forPath("/publications/p1/targets").getNumChildren())
                .isEqualTo(6000);
        assertThat(publications.pendingFor(users.get(5999)))
                .extracting(Publication::id)
                .containsExactly("p1");
        assertThat(publications.isTarget("p1", users.get(0))).isTrue();

        assertThat(publications.remove("p1", "its retention time ran out", users))
                .isTrue();

        assertThat(publications.removal("p1").orElseThrow().markersMoved()).isTrue();
        for (String user : List.of(users.get(0), users.get(2999), users.get(5999))) {
            assertThat(publications.pendingFor(user)).isEmpty();
            assertThat(publications.expiredFor(user))
                    .extracting(Publication::id)
                    .containsExactly("p1");
        }
        assertThat(zk.client().getChildren().forPath("/users/" + users.get(4000) + "/pending"))
                .isEmpty();
    }

    @Test
    void theMarkersACreationCutShortAreWrittenLater() throws Exception {
        publications.create(publication("p1", "b".repeat(64)), List.of("bob", "carol"));
        // What a supernode that died after the first transaction leaves: carol listed, unmarked.
        zk.client().delete().forPath("/publications/p1/targets/carol");
        zk.client().delete().forPath("/users/carol/pending/p1");

        assertThat(publications.targets("p1")).containsExactlyInAnyOrder("bob", "carol");
        assertThat(publications.completeTargets("p1")).isEqualTo(1);
        assertThat(publications.completeTargets("p1")).isZero();
        assertThat(publications.pendingFor("carol")).extracting(Publication::id).containsExactly("p1");
        assertThat(publications.isTarget("p1", "carol")).isTrue();
    }

    @Test
    void aRemovalCutShortIsFinishedAndNeverListedAsPending() throws Exception {
        zk.client().create().forPath("/users/carol/expired");
        var p1 = publication("p1", "b".repeat(64));
        publications.create(p1, List.of("bob", "carol"));
        // What a supernode that died after the removal's first transaction leaves: carol's marker unmoved.
        zk.client()
                .setData()
                .forPath(
                        "/publications/p1",
                        io.swarmdrop.core.cluster.Json.write(p1.withState(PublicationState.REMOVED)));
        zk.client()
                .create()
                .forPath(
                        "/publications/p1/removal",
                        io.swarmdrop.core.cluster.Json.write(
                                new Removal(NOW, "its retention time ran out", List.of("carol"), false)));

        assertThat(publications.pendingFor("carol")).isEmpty();
        publications.finishRemoval("p1");

        assertThat(zk.client().checkExists().forPath("/users/carol/pending/p1")).isNull();
        assertThat(publications.expiredFor("carol")).extracting(Publication::id).containsExactly("p1");
        assertThat(publications.removal("p1").orElseThrow().markersMoved()).isTrue();
    }
}
