package io.swarmdrop.supernode.tracker;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The peers of every swarm this tracker has heard of, in memory. */
final class Swarms {

    /**
     * @param who who announced: "user/device" or "supernode:node"
     * @param zone the zone the peer is in: a supernode's own, or this tracker's for a device
     * @param supernode whether the peer is a supernode (they may cross zones; devices never do)
     */
    record Peer(
            String peerId,
            InetAddress address,
            int port,
            boolean seed,
            String who,
            String zone,
            boolean supernode,
            Instant lastSeen) {}

    record Counts(int seeds, int leechers) {}

    private final Map<String, Map<String, Peer>> swarms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration expiry;

    Swarms(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
    }

    /**
     * Records (or, for a stop, forgets) a peer and returns up to {@code numwant} of the others it may
     * see: peers of its own zone, and to a supernode also the supernodes of every other zone.
     */
    List<Peer> announce(String swarm, Peer announcer, boolean stopped, int numwant) {
        Map<String, Peer> peers = swarms.computeIfAbsent(swarm, k -> new ConcurrentHashMap<>());
        Instant now = clock.instant();
        if (stopped) {
            peers.remove(announcer.peerId());
            return List.of();
        }
        peers.put(announcer.peerId(), announcer);
        var others = new ArrayList<Peer>();
        for (Peer peer : peers.values()) {
            if (peer.lastSeen().plus(expiry).isBefore(now)) {
                peers.remove(peer.peerId());
            } else if (!peer.peerId().equals(announcer.peerId()) && visible(peer, announcer)) {
                others.add(peer);
            }
        }
        Collections.shuffle(others);
        return others.size() > numwant ? others.subList(0, numwant) : others;
    }

    /** Zone isolation: bytes cross zones only between supernodes. */
    private static boolean visible(Peer peer, Peer to) {
        return peer.zone().equals(to.zone()) || (peer.supernode() && to.supernode());
    }

    /** True when a device of this tracker's zone announced recently that it still lacks the file. */
    boolean hasDeviceLeechers(String swarm) {
        Instant oldest = clock.instant().minus(expiry);
        return swarms.getOrDefault(swarm, Map.of()).values().stream()
                .anyMatch(p -> !p.supernode() && !p.seed() && p.lastSeen().isAfter(oldest));
    }

    Counts counts(String swarm) {
        Map<String, Peer> peers = swarms.getOrDefault(swarm, Map.of());
        int seeds = (int) peers.values().stream().filter(Peer::seed).count();
        return new Counts(seeds, peers.size() - seeds);
    }

    /** Every peer record of a swarm, for operators and tests: who announced from where. */
    List<Peer> peers(String swarm) {
        return List.copyOf(swarms.getOrDefault(swarm, Map.of()).values());
    }
}
