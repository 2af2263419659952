package io.swarmdrop.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random delivery histories (duplicate and reordered acknowledgements, acknowledgements from
 * non-targets, a supernode crash between an acknowledgement and its write, clock jumps): after
 * every event the evaluator runs, and a file is never removed before every target's receipt is
 * recorded or the retention age has passed on the clock.
 */
class RetentionPropertiesTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-01T09:00:00Z");
    private static final List<String> PEOPLE = List.of("ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal");

    sealed interface Event permits Ack, LostAck, Tick, ClockJump {}

    /** An acknowledgement that is written (perhaps again, perhaps from a non-target). */
    record Ack(String user) implements Event {}

    /** A supernode crashed after the daemon acknowledged and before the receipt was written. */
    record LostAck(String user) implements Event {}

    /** Time passes. */
    record Tick(Duration by) implements Event {}

    /** The clock is set forwards or backwards. */
    record ClockJump(Duration by) implements Event {}

    @Provide
    Arbitrary<Set<String>> targets() {
        return Arbitraries.of(PEOPLE).set().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Retention> retention() {
        return Combinators.combine(Arbitraries.longs().between(1, 14 * 24), Arbitraries.of(true, false))
                .as((hours, deleteWhenDelivered) -> new Retention(Duration.ofHours(hours), deleteWhenDelivered));
    }

    @Provide
    Arbitrary<Event> event() {
        Arbitrary<String> anyone = Arbitraries.of(PEOPLE);
        return Arbitraries.oneOf(
                anyone.map(Ack::new),
                anyone.map(Ack::new),
                anyone.map(LostAck::new),
                Arbitraries.longs().between(1, 48 * 60).map(m -> new Tick(Duration.ofMinutes(m))),
                Arbitraries.longs().between(-5 * 24, 5 * 24).map(h -> new ClockJump(Duration.ofHours(h))));
    }

    @Property(tries = 10_000)
    void neverRemovesBeforeEveryTargetHasItOrTheAgeHasPassed(
            @ForAll("targets") Set<String> targets,
            @ForAll("retention") Retention retention,
            @ForAll @Size(max = 40) List<@net.jqwik.api.From("event") Event> history) {
        Set<String> recorded = new HashSet<>();
        Instant clock = PUBLISHED;
        for (Event event : history) {
            if (event instanceof Ack ack) {
                recorded.add(ack.user());
            } else if (event instanceof Tick tick) {
                clock = clock.plus(tick.by());
            } else if (event instanceof ClockJump jump) {
                clock = clock.plus(jump.by());
            }
            // A LostAck changes nothing: the receipt never reached ZooKeeper.

            RetentionDecision decision = RetentionEvaluator.decide(PUBLISHED, targets, recorded, retention, clock);

            boolean everyTargetRecorded = recorded.containsAll(targets);
            boolean agePassed = !clock.isBefore(PUBLISHED.plus(retention.maxAge()));
            if (decision.removes()) {
                assertThat(everyTargetRecorded || agePassed)
                        .as(
                                "removed %s with receipts %s of targets %s at age %s",
                                decision.action(), recorded, targets, Duration.between(PUBLISHED, clock))
                        .isTrue();
            }
            if (decision.action() == RetentionDecision.Action.REMOVE_DELIVERED) {
                assertThat(retention.deleteWhenDelivered()).isTrue();
                assertThat(everyTargetRecorded).isTrue();
            }
            if (decision.action() == RetentionDecision.Action.REMOVE_EXPIRED) {
                Set<String> missing = new HashSet<>(targets);
                missing.removeAll(recorded);
                assertThat(decision.expiredTargets()).isEqualTo(missing);
            }
        }
    }
}
