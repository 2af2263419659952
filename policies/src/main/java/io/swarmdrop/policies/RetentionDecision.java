package io.swarmdrop.policies;

import java.time.Instant;
import java.util.Set;

/**
 * What to do with a publication's file now.
 *
 * @param action keep it, or remove it from every supernode
 * @param expiredTargets the targets that never received the file, when it is removed for age
 * @param reviewAt when the decision can next change without a new receipt (the expiry instant)
 */
public record RetentionDecision(Action action, Set<String> expiredTargets, Instant reviewAt) {

    public enum Action {
        KEEP,
        /** Every target has the file and the policy removes delivered files. */
        REMOVE_DELIVERED,
        /** The maximum age has passed. */
        REMOVE_EXPIRED
    }

    public RetentionDecision {
        expiredTargets = Set.copyOf(expiredTargets);
    }

    public boolean removes() {
        return action != Action.KEEP;
    }
}
