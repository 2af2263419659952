package io.swarmdrop.policies;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** A group's retention, replication and admission rules. */
public record GroupPolicy(Retention retention, Replication replication, Admission admission) {

    /** Seven days, removed once everyone has it, two copies, any file. */
    public static final GroupPolicy DEFAULT = new GroupPolicy(
            new Retention(Duration.ofDays(7), true),
            new Replication(2),
            new Admission(0, Set.of(), Set.of(), 0, Set.of(), Set.of()));

    public GroupPolicy {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(admission, "admission");
    }
}
