package io.swarmdrop.supernode.publishing;

import io.swarmdrop.core.directory.DeviceRef;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many progress reports a device may have written to ZooKeeper: a bucket of
 * {@link #BURST} that refills at {@link #PER_SECOND} a second. A daemon reports each fetch in
 * tenths, about ten writes per fetch, so it never comes near; one token could write 351 a second
 * before (finding M2). A refused report is retried by the daemon at its next round.
 */
@Singleton
public class ProgressLimit {

    static final int BURST = 20;
    static final double PER_SECOND = 2;
    /** Devices remembered at most; idle ones are forgotten first. */
    private static final int MAX_DEVICES = 100_000;

    private record Bucket(double tokens, long atNanos) {}

    private final Map<DeviceRef, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    ProgressLimit(Clock clock) {
        this.clock = clock;
    }

    /** Zero when {@code device} may write a report now (and it is counted), else how long to wait. */
    public Duration take(DeviceRef device) {
        long now = clock.millis() * 1_000_000L;
        if (buckets.size() >= MAX_DEVICES) {
            buckets.values()
                    .removeIf(b -> now - b.atNanos() > Duration.ofMinutes(1).toNanos());
        }
        var taken = new boolean[1];
        buckets.compute(device, (d, old) -> {
            double tokens =
                    old == null ? BURST : Math.min(BURST, old.tokens() + (now - old.atNanos()) / 1e9 * PER_SECOND);
            taken[0] = tokens >= 1;
            return new Bucket(taken[0] ? tokens - 1 : tokens, now);
        });
        return taken[0] ? Duration.ZERO : Duration.ofMillis((long) (1000 / PER_SECOND));
    }
}
