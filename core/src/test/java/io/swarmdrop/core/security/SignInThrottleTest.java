package io.swarmdrop.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void anAccountWaitsAfterThreeFailuresLongerWithEachAndIsClearedBySuccess() {
        for (int i = 0; i < SignInThrottle.FREE_ATTEMPTS_PER_ACCOUNT; i++) {
            assertThat(throttle.waitFor("alice", "10.0.0.1")).isZero();
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.waitFor("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("alice", "10.0.0.2");
        assertThat(throttle.waitFor("alice", "10.0.0.3")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("alice", "10.0.0.3")).isZero();

        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.waitFor("alice", "10.0.0.1")).isZero();
    }

    @Test
    void anAddressGuessingManyNamesWaitsToo() {
        for (int i = 0; i < SignInThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.waitFor("someone-new", "10.0.0.9")).isPositive();
        assertThat(throttle.waitFor("someone-new", "10.0.0.8")).isZero();
    }

    @Test
    void aFloodOfInventedNamesCannotGrowTheTableWithoutBoundAndItsSourceStillWaits() {
        for (int i = 0; i < SignInThrottle.MAX_RECORDS + 10; i++) {
            throttle.failed("invented-" + i, "10.0.0.66");
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(SignInThrottle.MAX_RECORDS);
        assertThat(throttle.waitFor("anyone", "10.0.0.66")).isEqualTo(SignInThrottle.LONGEST_WAIT);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
