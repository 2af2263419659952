package io.swarmdrop.supernode.tracker;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The peers of every swarm this tracker has heard of, in memory.
 *
 * <p>An announce costs the same in a swarm of ten peers and of ten thousand: peers are indexed by
 * zone for sampling, counts are kept as peers come and go, and expired peers are swept at most once
 * a second per swarm rather than on every announce. (Scanning the whole swarm on each announce held
 * a supernode to about 900 announces a second in a 10,000-device swarm; see docs/BENCHMARKS.md.)
 */
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

    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    /**
     * Peer records one announcer may hold in a swarm: a daemon that restarts announces under a new
     * peer id before its old one expires, so a few; beyond them its oldest goes, so one passkey
     * cannot fill a swarm with invented peers (finding A8).
     */
    static final int MAX_PEERS_PER_ANNOUNCER = 4;

    private final Map<String, Swarm> swarms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration expiry;

    Swarms(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
    }

    /**
     * Records (or, for a stop, forgets) a peer and returns up to {@code numwant} of the others it may
     * see, in random order: peers of its own zone, and to a supernode also the supernodes of every
     * other zone (those first, since they are its only way to other zones).
     */
    List<Peer> announce(String swarm, Peer announcer, boolean stopped, int numwant) {
        Instant now = clock.instant();
        var answer = new ArrayList<Peer>();
        // compute() serialises the changes of one swarm and drops it once empty, without losing a
        // peer that arrives as it goes.
        swarms.compute(swarm, (key, peers) -> {
            Swarm current = peers == null ? new Swarm() : peers;
            synchronized (current) {
                current.sweep(now.minus(expiry), now);
                Peer holder = current.byId.get(announcer.peerId());
                if (holder != null && !holder.who().equals(announcer.who())) {
                    // Another announcer's peer id: neither taken over nor stopped (finding A8).
                    // The announcer still gets its sample, as a peer the tracker has not recorded.
                    if (!stopped) {
                        answer.addAll(current.sample(announcer, numwant));
                    }
                } else if (stopped) {
                    current.remove(announcer.peerId());
                } else {
                    current.put(announcer);
                    answer.addAll(current.sample(announcer, numwant));
                }
                return current.isEmpty() ? null : current;
            }
        });
        return answer;
    }

    /** True when a device of this tracker's zone announced recently that it still lacks the file. */
    boolean hasDeviceLeechers(String swarm) {
        Swarm peers = swarms.get(swarm);
        if (peers == null) {
            return false;
        }
        synchronized (peers) {
            Instant oldest = clock.instant().minus(expiry);
            return peers.deviceLeechers > 0
                    && peers.byId.values().stream()
                            .anyMatch(p ->
                                    !p.supernode() && !p.seed() && p.lastSeen().isAfter(oldest));
        }
    }

    Counts counts(String swarm) {
        Swarm peers = swarms.get(swarm);
        if (peers == null) {
            return new Counts(0, 0);
        }
        synchronized (peers) {
            return new Counts(peers.seeds, peers.byId.size() - peers.seeds);
        }
    }

    /** Every peer record of a swarm, for operators and tests: who announced from where. */
    List<Peer> peers(String swarm) {
        Swarm peers = swarms.get(swarm);
        if (peers == null) {
            return List.of();
        }
        synchronized (peers) {
            return List.copyOf(peers.byId.values());
        }
    }

    /** One swarm: its peers by id, and the same peers in per-zone lists for sampling. */
    private static final class Swarm {
        final Map<String, Peer> byId = new HashMap<>();
        final Map<String, Pool> byZone = new HashMap<>();
        final Pool supernodes = new Pool();
        /** Each announcer's peer ids, oldest first. */
        final Map<String, java.util.ArrayDeque<String>> byWho = new HashMap<>();

        int seeds;
        int deviceLeechers;
        Instant lastSweep = Instant.MIN;

        boolean isEmpty() {
            return byId.isEmpty();
        }

        void put(Peer peer) {
            remove(peer.peerId());
            var own = byWho.computeIfAbsent(peer.who(), w -> new java.util.ArrayDeque<>());
            while (own.size() >= MAX_PEERS_PER_ANNOUNCER) {
                remove(own.peekFirst());
            }
            own.addLast(peer.peerId());
            byId.put(peer.peerId(), peer);
            byZone.computeIfAbsent(peer.zone(), z -> new Pool()).add(peer);
            if (peer.supernode()) {
                supernodes.add(peer);
            }
            count(peer, 1);
        }

        void remove(String peerId) {
            Peer old = byId.remove(peerId);
            if (old == null) {
                return;
            }
            var own = byWho.get(old.who());
            own.remove(peerId);
            if (own.isEmpty()) {
                byWho.remove(old.who());
            }
            Pool zone = byZone.get(old.zone());
            zone.remove(peerId);
            if (zone.isEmpty()) {
                byZone.remove(old.zone());
            }
            if (old.supernode()) {
                supernodes.remove(peerId);
            }
            count(old, -1);
        }

        private void count(Peer peer, int change) {
            if (peer.seed()) {
                seeds += change;
            } else if (!peer.supernode()) {
                deviceLeechers += change;
            }
        }

        /** Forgets the peers last seen before {@code oldest}; the whole swarm is read once a second at most. */
        void sweep(Instant oldest, Instant now) {
            if (lastSweep.plus(SWEEP_EVERY).isAfter(now)) {
                return;
            }
            lastSweep = now;
            List<String> expired = byId.values().stream()
                    .filter(p -> p.lastSeen().isBefore(oldest))
                    .map(Peer::peerId)
                    .toList();
            expired.forEach(this::remove);
        }

        List<Peer> sample(Peer announcer, int numwant) {
            var chosen = new ArrayList<Peer>();
            if (announcer.supernode()) {
                for (Peer peer : supernodes.peers) {
                    if (!peer.zone().equals(announcer.zone()) && chosen.size() < numwant) {
                        chosen.add(peer);
                    }
                }
            }
            byZone.getOrDefault(announcer.zone(), new Pool())
                    .sample(announcer.peerId(), numwant - chosen.size(), chosen);
            Collections.shuffle(chosen);
            return chosen;
        }
    }

    /** Peers in an array list with each one's position, so adding, removing and picking at random are O(1). */
    private static final class Pool {
        final List<Peer> peers = new ArrayList<>();
        final Map<String, Integer> positions = new HashMap<>();

        boolean isEmpty() {
            return peers.isEmpty();
        }

        void add(Peer peer) {
            positions.put(peer.peerId(), peers.size());
            peers.add(peer);
        }

        void remove(String peerId) {
            Integer at = positions.remove(peerId);
            if (at == null) {
                return;
            }
            Peer last = peers.remove(peers.size() - 1);
            if (at < peers.size()) {
                peers.set(at, last);
                positions.put(last.peerId(), at);
            }
        }

        /** Adds up to {@code count} peers other than {@code except}, picked at random without repeats. */
        void sample(String except, int count, List<Peer> into) {
            if (count <= 0) {
                return;
            }
            int others = peers.size() - (positions.containsKey(except) ? 1 : 0);
            if (others <= count) {
                for (Peer peer : peers) {
                    if (!peer.peerId().equals(except)) {
                        into.add(peer);
                    }
                }
                return;
            }
            var random = ThreadLocalRandom.current();
            var picked = new HashSet<Integer>();
            int added = 0;
            while (added < count) {
                int at = random.nextInt(peers.size());
                if (picked.add(at) && !peers.get(at).peerId().equals(except)) {
                    into.add(peers.get(at));
                    added++;
                }
            }
        }
    }
}
