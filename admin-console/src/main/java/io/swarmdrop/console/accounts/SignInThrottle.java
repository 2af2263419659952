package io.swarmdrop.console.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after a few failed sign-ins for an account name (or many more from one
 * address, since a whole office may share it), further attempts for it are refused unchecked until
 * a wait that doubles with every failure (up to {@link #LONGEST_WAIT}). A successful sign-in clears
 * the account's record. Refusing instead of sleeping keeps worker threads free under an attack.
 */
@Singleton
public class SignInThrottle {

    static final int FREE_ATTEMPTS_PER_ACCOUNT = 3;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 30;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a sign-in as {@code account} from {@code address} must still wait; zero when it may try now. */
    public Duration waitFor(String account, String address) {
        Duration forAccount = waitFor(key(account, address)[0], FREE_ATTEMPTS_PER_ACCOUNT);
        Duration forAddress = waitFor(key(account, address)[1], FREE_ATTEMPTS_PER_ADDRESS);
        return forAccount.compareTo(forAddress) > 0 ? forAccount : forAddress;
    }

    private static String[] key(String account, String address) {
        return new String[] {"account:" + account, "address:" + address};
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
        for (String key : key(account, address)) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
    }

    public void succeeded(String account) {
        failures.remove("account:" + account);
    }
}
