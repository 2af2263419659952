package io.swarmdrop.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.ZooKeeperExtension;
import io.swarmdrop.core.security.PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The collector against a real ZooKeeper, with a clock the test moves. */
class GarbageCollectorTest {

    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

    @RegisterExtension
    final ZooKeeperExtension zk = new ZooKeeperExtension();

    private final MovableClock clock = new MovableClock(START);
    private Directory directory;
    private Publications publications;
    private GarbageCollector collector;

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void setUp() {
        directory = new Directory(zk.client(), new PasswordHasher(1_000), clock);
        publications = new Publications(zk.client(), clock);
        collector = new GarbageCollector(directory, publications, clock, Duration.ofDays(1), Duration.ofDays(30));
        for (String user : List.of("alice", "bob", "carol")) {
            directory.createUser(user, null, "a-member-password".toCharArray());
        }
        directory.createGroup("design", null);
        directory.setPolicy("design", "retention.max-age = P2D\n");
    }

    private Publication publish(String id, String v2) {
        var publication = new Publication(
                id,
                "design",
                id + ".pdf",
                10,
                null,
                v2,
                "alice",
                "d1",
                "sn-1",
                clock.instant(),
                PublicationState.ACTIVE,
                "default");
        return publications.create(publication, List.of("bob", "carol")).publication();
    }

    @Test
    void removesAPublicationOnceEveryTargetHasIt() {
        publish("p1", "a".repeat(64));
        publications.acknowledge("p1", "bob", "d2");

        assertThat(collector.collect()).isEmpty();
        assertThat(publications.find("p1").orElseThrow().state()).isEqualTo(PublicationState.ACTIVE);

        publications.acknowledge("p1", "carol", "d3");
        assertThat(collector.collect()).containsExactly("p1");

        assertThat(publications.find("p1").orElseThrow().state()).isEqualTo(PublicationState.REMOVED);
        assertThat(publications.removal("p1").orElseThrow().reason()).isEqualTo("every recipient has it");
        assertThat(publications.idsForInfohash("a".repeat(40))).isEmpty();
    }

    /**
     * Issue 14, item 8: a 220-byte metainfo declaring 1 TiB was accepted and sat at 0% for its whole
     * retention time. A publication no supernode holds whole, and nobody received, goes after
     * {@code seedWithin}, with the reason; a held or received one stays.
     */
    @Test
    void aPublicationWhoseBytesNeverReachASupernodeIsRemovedWithTheReason() {
        var impatient = new GarbageCollector(directory, publications, clock, Duration.ofDays(1), Duration.ofHours(1));
        publish("claimed", "e".repeat(64));
        publish("held", "f".repeat(64));
        publish("received", "0".repeat(64));
        publications.hold("claimed", "sn-1", "default", false);
        publications.hold("held", "sn-1", "default", true);
        publications.acknowledge("received", "bob", "d2");

        clock.advance(Duration.ofMinutes(59));
        assertThat(impatient.collect()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(impatient.collect()).containsExactly("claimed");

        Removal removal = publications.removal("claimed").orElseThrow();
        assertThat(removal.reason()).isEqualTo("its bytes never reached a supernode within PT1H");
        assertThat(removal.expired()).containsExactlyInAnyOrder("bob", "carol");
        assertThat(publications.find("held").orElseThrow().state()).isEqualTo(PublicationState.ACTIVE);
        assertThat(publications.find("received").orElseThrow().state()).isEqualTo(PublicationState.ACTIVE);
    }

    @Test
    void removesAnOldPublicationAndMarksWhoNeverGotItExpired() {
        publish("p2", "b".repeat(64));
        publications.acknowledge("p2", "bob", "d2");

        clock.advance(Duration.ofDays(2).minusSeconds(1)); // age 2 d - 1 s: kept
        assertThat(collector.collect()).isEmpty();
        clock.advance(Duration.ofSeconds(1)); // age 2 d: removed
        assertThat(collector.collect()).containsExactly("p2");

        Removal removal = publications.removal("p2").orElseThrow();
        assertThat(removal.reason()).isEqualTo("its retention time ran out");
        assertThat(removal.expired()).containsExactly("carol");
        assertThat(publications.pendingFor("carol")).isEmpty();
        assertThat(publications.expiredFor("carol")).extracting(Publication::id).containsExactly("p2");
        assertThat(publications.expiredFor("bob")).isEmpty();
    }

    @Test
    void keepsTheHistoryForItsTimeThenForgetsIt() {
        publish("p3", "c".repeat(64));
        clock.advance(Duration.ofDays(2));
        collector.collect();

        clock.advance(Duration.ofHours(23)); // history age 23 h of 24
        collector.collect();
        assertThat(publications.find("p3")).isPresent();

        clock.advance(Duration.ofHours(1));
        collector.collect();
        assertThat(publications.find("p3")).isEmpty();
        assertThat(publications.expiredFor("bob")).isEmpty();
    }

    @Test
    void aCompletePublicationThatThePolicyKeepsStaysUntilItsAge() {
        directory.setPolicy("design", "retention.max-age = P2D\nretention.delete-when-delivered = false\n");
        publish("p4", "d".repeat(64));
        publications.acknowledge("p4", "bob", "d2");
        publications.acknowledge("p4", "carol", "d3");

        assertThat(collector.collect()).isEmpty();
        assertThat(publications.find("p4").orElseThrow().state()).isEqualTo(PublicationState.COMPLETE);

        clock.advance(Duration.ofDays(2));
        assertThat(collector.collect()).containsExactly("p4");
        assertThat(publications.removal("p4").orElseThrow().expired()).isEmpty();
    }

    @Test
    void removingTwiceIsHarmless() {
        publish("p5", "e".repeat(64));
        assertThat(publications.remove("p5", "test", List.of("bob", "carol"))).isTrue();
        assertThat(publications.remove("p5", "test", List.of("bob", "carol"))).isFalse();
        assertThat(publications.removal("p5").orElseThrow().reason()).isEqualTo("test");
    }
}
