package io.swarmdrop.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.core.placement.Rendezvous.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTest {

    private static final int KEYS = 10_000;

    private static List<Node> nodes(int perZone, String... zones) {
        var all = new ArrayList<Node>();
        for (String zone : zones) {
            for (int i = 1; i <= perZone; i++) {
                all.add(new Node(zone + "-" + i, zone));
            }
        }
        return all;
    }

    private static List<String> keys() {
        return IntStream.range(0, KEYS).mapToObj(i -> "publication-" + i).toList();
    }

    @Test
    void theSameLiveSetGivesTheSameAnswerInAnyOrder() {
        List<Node> live = nodes(3, "paris", "tokyo");
        var shuffled = new ArrayList<>(live);
        Collections.shuffle(shuffled, new Random(7));
        for (String key : keys()) {
            assertThat(Rendezvous.replicas(key, shuffled, "paris", 2))
                    .isEqualTo(Rendezvous.replicas(key, live, "paris", 2));
        }
    }

    @Test
    void addingANodeMovesAboutOneInNOfTheReplicas() {
        List<Node> before = nodes(5, "paris", "tokyo");
        var after = new ArrayList<>(before);
        Node added = new Node("tokyo-6", "tokyo");
        after.add(added);
        int moved = 0;
        int slots = 0;
        for (String key : keys()) {
            List<Node> old = Rendezvous.replicas(key, before, "paris", 2);
            List<Node> now = Rendezvous.replicas(key, after, "paris", 2);
            for (Node node : old) {
                slots++;
                if (!now.contains(node)) {
                    moved++;
                    // Only the new node takes a place; no replica moves between old nodes.
                    assertThat(now).contains(added);
                }
            }
        }
        // 11 nodes: the new one wins about 1/11 of the second slots (the first is pinned to paris).
        double share = (double) moved / slots;
        assertThat(share).isBetween(0.5 / 11 / 2, 1.5 / 11);
    }

    @Test
    void aReplicaIsAlwaysInThePublishersZoneWhenThatZoneHasALiveNode() {
        List<Node> live = nodes(1, "paris", "tokyo", "lima", "oslo", "cairo");
        for (String key : keys()) {
            for (String zone : List.of("paris", "tokyo", "lima", "oslo", "cairo")) {
                List<Node> replicas = Rendezvous.replicas(key, live, zone, 2);
                assertThat(replicas).hasSize(2).extracting(Node::zone).contains(zone);
                assertThat(replicas).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void theFactorIsCappedByTheLiveNodes() {
        List<Node> live = nodes(1, "paris", "tokyo");
        assertThat(Rendezvous.replicas("p", live, "paris", 5)).hasSize(2);
        assertThat(Rendezvous.replicas("p", List.of(), "paris", 2)).isEmpty();
    }

    @Test
    void aPublisherZoneWithoutLiveNodesStillGetsReplicasElsewhere() {
        List<Node> live = nodes(2, "tokyo");
        assertThat(Rendezvous.replicas("p", live, "paris", 2)).hasSize(2);
    }

    @Test
    void aZonesCarrierIsItsReplicaWhenItHasOne() {
        List<Node> live = nodes(3, "paris", "tokyo");
        for (String key : keys()) {
            List<Node> replicas = Rendezvous.replicas(key, live, "paris", 3);
            for (String zone : List.of("paris", "tokyo")) {
                Node carrier = Rendezvous.zoneCarrier(key, live, zone).orElseThrow();
                assertThat(carrier.zone()).isEqualTo(zone);
                if (replicas.stream().anyMatch(r -> r.zone().equals(zone))) {
                    assertThat(replicas).contains(carrier);
                }
            }
        }
    }

    @Test
    void loadIsSpreadEvenly() {
        List<Node> live = nodes(4, "paris");
        var counts = new java.util.HashMap<Node, Integer>();
        for (String key : keys()) {
            counts.merge(Rendezvous.replicas(key, live, "paris", 1).get(0), 1, Integer::sum);
        }
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(KEYS / 4 * 9 / 10, KEYS / 4 * 11 / 10));
    }
}
