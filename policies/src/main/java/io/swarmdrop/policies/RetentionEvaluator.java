package io.swarmdrop.policies;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a publication's file may go: a pure function of the publication's delivery state,
 * the group's policy and {@code now}. Receipts from recipients that are not targets count for
 * nothing, so they can never make a file look delivered.
 */
public final class RetentionEvaluator {

    private RetentionEvaluator() {}

    /**
     * @param publishedAt when the publication was accepted (its targets were fixed then)
     * @param targets the recipients fixed at publication time
     * @param received the recipients with a receipt (any set; non-targets are ignored)
     */
    public static RetentionDecision decide(
            Instant publishedAt, Set<String> targets, Set<String> received, Retention retention, Instant now) {
        Instant expiresAt = publishedAt.plus(retention.maxAge());
        var missing = new HashSet<>(targets);
        missing.removeAll(received);
        if (missing.isEmpty() && retention.deleteWhenDelivered()) {
            return new RetentionDecision(RetentionDecision.Action.REMOVE_DELIVERED, Set.of(), expiresAt);
        }
        if (!now.isBefore(expiresAt)) {
            return new RetentionDecision(RetentionDecision.Action.REMOVE_EXPIRED, missing, expiresAt);
        }
        return new RetentionDecision(RetentionDecision.Action.KEEP, Set.of(), expiresAt);
    }
}
