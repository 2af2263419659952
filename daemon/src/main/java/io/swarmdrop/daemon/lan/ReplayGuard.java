package io.swarmdrop.daemon.lan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drops offers captured and sent again (finding I9: a replayed offer made every key holder fetch
 * from, or connect to, whoever sent it). An offer is taken once per nonce, and only within
 * {@code window} of the time it says it was sent; the nonces remembered are bounded, and those
 * older than the window need not be, since their time alone refuses them.
 */
final class ReplayGuard {

    private final long windowMillis;
    private final int capacity;
    private final Map<String, Long> seen;

    ReplayGuard(Duration window, int capacity) {
        this.windowMillis = window.toMillis();
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > ReplayGuard.this.capacity;
            }
        };
    }

    /** True the first time a nonce comes within the window; false for a replay or a stale offer. */
    synchronized boolean accept(String nonce, long sentMillis, long nowMillis) {
        if (Math.abs(nowMillis - sentMillis) > windowMillis) {
            return false;
        }
        seen.values().removeIf(sent -> Math.abs(nowMillis - sent) > windowMillis);
        return seen.putIfAbsent(nonce, sentMillis) == null;
    }
}
