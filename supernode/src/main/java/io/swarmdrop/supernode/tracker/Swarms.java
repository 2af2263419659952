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

    record Peer(String peerId, InetAddress address, int port, boolean seed, String who, Instant lastSeen) {}

    record Counts(int seeds, int leechers) {}

    private final Map<String, Map<String, Peer>> swarms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration expiry;

    Swarms(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
    }

    /** Records (or, for a stop, forgets) a peer and returns up to {@code numwant} others. */
    List<Peer> announce(
            String swarm,
            String peerId,
            InetAddress address,
            int port,
            boolean seed,
            String who,
            boolean stopped,
            int numwant) {
        Map<String, Peer> peers = swarms.computeIfAbsent(swarm, k -> new ConcurrentHashMap<>());
        Instant now = clock.instant();
        if (stopped) {
            peers.remove(peerId);
            return List.of();
        }
        peers.put(peerId, new Peer(peerId, address, port, seed, who, now));
        var others = new ArrayList<Peer>();
        for (Peer peer : peers.values()) {
            if (peer.lastSeen().plus(expiry).isBefore(now)) {
                peers.remove(peer.peerId());
            } else if (!peer.peerId().equals(peerId)) {
                others.add(peer);
            }
        }
        Collections.shuffle(others);
        return others.size() > numwant ? others.subList(0, numwant) : others;
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
