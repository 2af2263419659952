package io.swarmdrop.policies;

/** How many supernodes persist each file of the group; capped by the live supernodes when applied. */
public record Replication(int copies) {
    public Replication {
        if (copies < 1) {
            throw new IllegalArgumentException("at least one copy is needed, was " + copies);
        }
    }
}
