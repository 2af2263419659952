package io.swarmdrop.core.placement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rendezvous (highest random weight) hashing: every supernode scores each publication with a hash
 * of (publication, node) and the highest scores win. Each supernode computes the same answer from
 * the same live set without asking anyone, and when a node joins or leaves only the publications
 * it wins or held move (about 1/n of them).
 */
public final class Rendezvous {

    /** A live supernode as placement sees it. */
    public record Node(String name, String zone) {}

    private Rendezvous() {}

    /** Every node, best first, for this key. Deterministic for a given set of nodes. */
    public static List<Node> ranking(String key, Collection<Node> nodes) {
        var ranked = new ArrayList<>(nodes);
        ranked.sort(Comparator.comparingLong((Node n) -> score(key, n.name()))
                .reversed()
                .thenComparing(Node::name));
        return ranked;
    }

    /**
     * The nodes that persist a publication: the best-ranked node of the publisher's zone (when that
     * zone has a live node), then the best-ranked of the rest, {@code factor} in all, capped by the
     * number of live nodes.
     */
    public static List<Node> replicas(String key, Collection<Node> live, String publisherZone, int factor) {
        List<Node> ranked = ranking(key, live);
        var chosen = new ArrayList<Node>();
        ranked.stream().filter(n -> n.zone().equals(publisherZone)).findFirst().ifPresent(chosen::add);
        for (Node node : ranked) {
            if (chosen.size() >= factor) {
                break;
            }
            if (!chosen.contains(node)) {
                chosen.add(node);
            }
        }
        return chosen.size() > factor ? chosen.subList(0, factor) : chosen;
    }

    /**
     * The one node of {@code zone} that carries a publication into that zone: its best-ranked node.
     * When the zone holds a replica, that replica is this node, so a zone never fetches across
     * zones twice.
     */
    public static Optional<Node> zoneCarrier(String key, Collection<Node> live, String zone) {
        return ranking(key, live).stream().filter(n -> n.zone().equals(zone)).findFirst();
    }

    private static long score(String key, String node) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((key + '\0' + node).getBytes(StandardCharsets.UTF_8));
            long score = 0;
            for (int i = 0; i < 8; i++) {
                score = (score << 8) | (digest[i] & 0xff);
            }
            // Unsigned order, so every bit counts the same.
            return score ^ Long.MIN_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
