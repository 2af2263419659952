package io.swarmdrop.core.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after a few failed sign-ins for an account name (or many more from one
 * address, since a whole office may share it), further attempts for it are refused unchecked until
 * a wait that doubles with every failure (up to {@link #LONGEST_WAIT}). A successful sign-in clears
 * the account's record. Refusing instead of sleeping keeps worker threads free under an attack, and
 * a refused attempt costs no password hash. The console's sign-in and the supernodes' daemon login
 * each keep one.
 */
public final class SignInThrottle {

    public static final int FREE_ATTEMPTS_PER_ACCOUNT = 3;
    public static final int FREE_ATTEMPTS_PER_ADDRESS = 30;
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    /** Most records kept: names and addresses are the attacker's choice, memory is not. */
    static final int MAX_RECORDS = 100_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a sign-in as {@code account} from {@code address} must still wait; zero when it may try now. */
    public Duration waitFor(String account, String address) {
        Duration forAccount = waitFor("account:" + account, FREE_ATTEMPTS_PER_ACCOUNT);
        Duration forAddress = waitFor("address:" + address, FREE_ATTEMPTS_PER_ADDRESS);
        return forAccount.compareTo(forAddress) > 0 ? forAccount : forAddress;
    }

    private Duration waitFor(String key, int freeAttempts) {
        Instant now = clock.instant();
        Failures f = failures.get(key);
        if (f == null || f.count() < freeAttempts) {
            return Duration.ZERO;
        }
        if (f.last().plus(FORGET_AFTER).isBefore(now)) {
            failures.remove(key);
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(f.count() - freeAttempts, 30));
        wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        Duration left = Duration.between(now, f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_RECORDS) {
            forgetOld(now);
        }
        for (String key : new String[] {"account:" + account, "address:" + address}) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
    }

    /** Records kept now. */
    int size() {
        return failures.size();
    }

    public void succeeded(String account) {
        failures.remove("account:" + account);
    }

    /**
     * Drops records past their memory; when a flood of invented names still fills the table, drops
     * the per-account ones, so the per-address records keep slowing the flood's sources.
     */
    private void forgetOld(Instant now) {
        failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        if (failures.size() >= MAX_RECORDS) {
            failures.keySet().removeIf(key -> key.startsWith("account:"));
        }
    }
}
