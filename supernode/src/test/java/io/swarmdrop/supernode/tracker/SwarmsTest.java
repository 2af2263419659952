package io.swarmdrop.supernode.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SwarmsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Swarms swarms = new Swarms(clock, Duration.ofSeconds(15));

    private Swarms.Peer device(int n, String zone, boolean seed) {
        return new Swarms.Peer(
                "peer-" + n, InetAddress.getLoopbackAddress(), 10000 + n, seed, "u/d" + n, zone, false, now.get());
    }

    private Swarms.Peer supernode(String name, String zone) {
        return new Swarms.Peer(
                "sn-" + name, InetAddress.getLoopbackAddress(), 6881, true, "supernode:" + name, zone, true, now.get());
    }

    /** Finding A8: bob announcing with the supernode's peer id neither took its record over nor stopped it. */
    @Test
    void anAnnouncerCanNeitherTakeOverNorStopAnotherAnnouncersPeer() {
        Swarms.Peer supernode = supernode("paris-1", "paris");
        swarms.announce("s", supernode, false, 0);
        var hijack = new Swarms.Peer(
                supernode.peerId(), InetAddress.getLoopbackAddress(), 9999, false, "bob/d1", "paris", false, now.get());

        swarms.announce("s", hijack, false, 10);
        swarms.announce("s", hijack, true, 0);

        assertThat(swarms.peers("s")).containsExactly(supernode);
    }

    @Test
    void oneAnnouncerCannotFillASwarmWithInventedPeers() {
        for (int i = 0; i < 2000; i++) {
            swarms.announce(
                    "s",
                    new Swarms.Peer(
                            "fake-" + i,
                            InetAddress.getLoopbackAddress(),
                            20000,
                            false,
                            "bob/d1",
                            "paris",
                            false,
                            now.get()),
                    false,
                    0);
        }
        swarms.announce("s", device(1, "paris", true), false, 0);

        assertThat(swarms.peers("s")).hasSize(Swarms.MAX_PEERS_PER_ANNOUNCER + 1);
        assertThat(swarms.counts("s").leechers()).isEqualTo(Swarms.MAX_PEERS_PER_ANNOUNCER);
        assertThat(swarms.peers("s"))
                .extracting(Swarms.Peer::peerId)
                .as("the newest of bob's")
                .contains("fake-1999", "peer-1");
    }

    @Test
    void aLargeSwarmAnswersDistinctRandomPeersOtherThanTheAnnouncer() {
        for (int i = 0; i < 5000; i++) {
            swarms.announce("s", device(i, "paris", i % 5 == 0), false, 0);
        }

        var seen = new HashSet<String>();
        for (int round = 0; round < 20; round++) {
            List<Swarms.Peer> answer = swarms.announce("s", device(7, "paris", false), false, 50);
            assertThat(answer).hasSize(50);
            assertThat(answer)
                    .extracting(Swarms.Peer::peerId)
                    .doesNotHaveDuplicates()
                    .doesNotContain("peer-7");
            answer.forEach(p -> seen.add(p.peerId()));
        }
        // Twenty answers of fifty from 4,999 others: the same fifty every time would be a bug.
        assertThat(seen.size()).isGreaterThan(500);
        assertThat(swarms.counts("s")).isEqualTo(new Swarms.Counts(1000, 4000));
    }

    @Test
    void devicesSeeTheirZoneAndSupernodesAlsoSeeEveryOtherZonesSupernodes() {
        swarms.announce("s", device(1, "paris", false), false, 50);
        swarms.announce("s", device(2, "tokyo", false), false, 50);
        swarms.announce("s", supernode("p", "paris"), false, 50);
        swarms.announce("s", supernode("t", "tokyo"), false, 50);

        assertThat(swarms.announce("s", device(3, "paris", false), false, 50))
                .extracting(Swarms.Peer::peerId)
                .containsExactlyInAnyOrder("peer-1", "sn-p");
        assertThat(swarms.announce("s", supernode("p", "paris"), false, 50))
                .extracting(Swarms.Peer::peerId)
                .containsExactlyInAnyOrder("peer-1", "peer-3", "sn-t");
        assertThat(swarms.announce("s", supernode("p", "paris"), false, 1))
                .extracting(Swarms.Peer::peerId)
                .containsExactly("sn-t");
    }

    @Test
    void peersAreForgottenAfterTheExpiryOrWhenTheyStop() {
        swarms.announce("s", device(1, "paris", false), false, 50);
        swarms.announce("s", device(2, "paris", true), false, 50);
        assertThat(swarms.hasDeviceLeechers("s")).isTrue();

        swarms.announce("s", device(2, "paris", true), true, 50);
        assertThat(swarms.counts("s")).isEqualTo(new Swarms.Counts(0, 1));

        now.set(now.get().plusSeconds(16));
        assertThat(swarms.hasDeviceLeechers("s")).isFalse();
        assertThat(swarms.announce("s", device(3, "paris", true), false, 50)).isEmpty();
        assertThat(swarms.counts("s")).isEqualTo(new Swarms.Counts(1, 0));

        swarms.announce("s", device(3, "paris", true), true, 50);
        assertThat(swarms.peers("s")).isEmpty();
        assertThat(swarms.counts("s")).isEqualTo(new Swarms.Counts(0, 0));
    }

    @Test
    void aPeerThatBecomesASeedIsCountedOnce() {
        swarms.announce("s", device(1, "paris", false), false, 50);
        swarms.announce("s", device(1, "paris", true), false, 50);

        assertThat(swarms.counts("s")).isEqualTo(new Swarms.Counts(1, 0));
        assertThat(swarms.hasDeviceLeechers("s")).isFalse();
        assertThat(swarms.peers("s"))
                .singleElement()
                .extracting(Swarms.Peer::seed)
                .isEqualTo(true);
    }
}
