package io.swarmdrop.policies;

import static io.swarmdrop.policies.RetentionDecision.Action.KEEP;
import static io.swarmdrop.policies.RetentionDecision.Action.REMOVE_DELIVERED;
import static io.swarmdrop.policies.RetentionDecision.Action.REMOVE_EXPIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Table tests: a fixed now, each fixture with its age, the decision written out. */
class RetentionEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Retention SEVEN_DAYS = new Retention(Duration.ofDays(7), true);
    private static final Retention SEVEN_DAYS_KEEP_DELIVERED = new Retention(Duration.ofDays(7), false);
    private static final Set<String> TEAM = Set.of("bob", "carol", "dave");

    record Fixture(
            String name,
            Duration age,
            Retention retention,
            Set<String> received,
            RetentionDecision.Action expected,
            Set<String> expired) {}

    private static final List<Fixture> FIXTURES = List.of(
            // age 1 h, nobody has it yet
            new Fixture("fresh", Duration.ofHours(1), SEVEN_DAYS, Set.of(), KEEP, Set.of()),
            // age 2 d, two of three have it
            new Fixture("partly delivered", Duration.ofDays(2), SEVEN_DAYS, Set.of("bob", "carol"), KEEP, Set.of()),
            // age 2 d, everyone has it
            new Fixture("delivered", Duration.ofDays(2), SEVEN_DAYS, TEAM, REMOVE_DELIVERED, Set.of()),
            // age 2 d, everyone has it, but the group keeps delivered files until they expire
            new Fixture("delivered, kept", Duration.ofDays(2), SEVEN_DAYS_KEEP_DELIVERED, TEAM, KEEP, Set.of()),
            // age 7 d minus 1 s: not yet expired
            new Fixture(
                    "just before expiry",
                    Duration.ofDays(7).minusSeconds(1),
                    SEVEN_DAYS,
                    Set.of("bob"),
                    KEEP,
                    Set.of()),
            // age exactly 7 d: expired
            new Fixture(
                    "at expiry",
                    Duration.ofDays(7),
                    SEVEN_DAYS,
                    Set.of("bob"),
                    REMOVE_EXPIRED,
                    Set.of("carol", "dave")),
            // age 30 d, nobody has it
            new Fixture("long expired", Duration.ofDays(30), SEVEN_DAYS, Set.of(), REMOVE_EXPIRED, TEAM),
            // age 30 d, kept-delivered policy, everyone has it
            new Fixture(
                    "delivered and expired",
                    Duration.ofDays(30),
                    SEVEN_DAYS_KEEP_DELIVERED,
                    TEAM,
                    REMOVE_EXPIRED,
                    Set.of()),
            // age 2 d, receipts only from people who were never targets
            new Fixture(
                    "strangers' receipts", Duration.ofDays(2), SEVEN_DAYS, Set.of("mallory", "eve"), KEEP, Set.of()),
            // published "in the future" (the clock jumped back 1 h)
            new Fixture("clock jumped back", Duration.ofHours(-1), SEVEN_DAYS, Set.of("bob"), KEEP, Set.of()));

    @Test
    void decidesEveryFixtureAsWrittenOut() {
        for (Fixture f : FIXTURES) {
            RetentionDecision decision =
                    RetentionEvaluator.decide(NOW.minus(f.age()), TEAM, f.received(), f.retention(), NOW);

            assertThat(decision.action()).as(f.name()).isEqualTo(f.expected());
            assertThat(decision.expiredTargets())
                    .as(f.name() + ": expired targets")
                    .isEqualTo(f.expired());
            assertThat(decision.reviewAt())
                    .as(f.name() + ": review")
                    .isEqualTo(NOW.minus(f.age()).plus(f.retention().maxAge()));
        }
    }

    @Test
    void aPublicationWithoutTargetsIsDeliveredAtOnce() {
        assertThat(RetentionEvaluator.decide(NOW, Set.of(), Set.of(), SEVEN_DAYS, NOW)
                        .action())
                .isEqualTo(REMOVE_DELIVERED);
    }
}
