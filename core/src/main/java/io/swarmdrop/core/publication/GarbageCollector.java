package io.swarmdrop.core.publication;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.policies.GroupPolicy;
import io.swarmdrop.policies.RetentionDecision;
import io.swarmdrop.policies.RetentionEvaluator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One collection pass over every publication: applies the group's retention policy (through the
 * pure {@link RetentionEvaluator}) and marks publications removed in ZooKeeper; each supernode
 * then drops its own copy. Removed publications stay as history for {@code history}, then go.
 * Only the elected collector runs it; running it twice is harmless, since every step is conditional.
 */
public final class GarbageCollector {

    private static final Logger LOG = Logger.getLogger(GarbageCollector.class);

    private final Directory directory;
    private final Publications publications;
    private final Clock clock;
    private final Duration history;
    private final Duration seedWithin;

    /**
     * @param history how long a removed publication's record stays
     * @param seedWithin how long a publication may wait for its bytes: one that no supernode holds
     *     whole and nobody received by then is removed, since a metainfo's declared size is a
     *     claim, and one whose bytes never come would otherwise sit at 0% for its whole retention
     */
    public GarbageCollector(
            Directory directory, Publications publications, Clock clock, Duration history, Duration seedWithin) {
        this.directory = directory;
        this.publications = publications;
        this.clock = clock;
        this.history = history;
        this.seedWithin = seedWithin;
    }

    /** Runs one pass and returns the ids of the publications it removed. */
    public List<String> collect() {
        Instant now = clock.instant();
        var removed = new ArrayList<String>();
        for (String id : publications.ids()) {
            try {
                collect(id, now, removed);
            } catch (ClusterStateException e) {
                throw e;
            } catch (RuntimeException e) {
                // One publication that cannot be judged must not stop collection of all the others.
                LOG.errorf("[publication=%s] not collected this round: %s", id, e.toString());
            }
        }
        return removed;
    }

    private void collect(String id, Instant now, List<String> removed) {
        Optional<Publication> found = publications.find(id);
        if (found.isEmpty()) {
            return;
        }
        Publication publication = found.get();
        if (publication.state() == PublicationState.REMOVED) {
            publications.finishRemoval(id);
            publications
                    .removal(id)
                    .filter(r -> !r.at().plus(history).isAfter(now))
                    .ifPresent(r -> publications.forget(id));
            return;
        }
        int completed = publications.completeTargets(id);
        if (completed > 0) {
            LOG.warnf("[publication=%s] wrote the markers of %d targets its creation left out", id, completed);
        }
        var targets = new HashSet<>(publications.targets(id));
        var received = new HashSet<>(publications.receivedBy(id));
        RetentionDecision decision = RetentionEvaluator.decide(
                publication.createdAt(),
                targets,
                received,
                policyOf(publication).retention(),
                now);
        if (decision.removes()) {
            String reason = decision.action() == RetentionDecision.Action.REMOVE_DELIVERED
                    ? "every recipient has it"
                    : "its retention time ran out";
            if (publications.remove(id, reason, decision.expiredTargets())) {
                removed.add(id);
                LOG.infof(
                        "[publication=%s] removed '%s': %s%s",
                        id,
                        publication.name(),
                        reason,
                        decision.expiredTargets().isEmpty() ? "" : "; never received by " + decision.expiredTargets());
            }
        } else if (received.isEmpty() && neverSeeded(publication, now)) {
            String reason = "its bytes never reached a supernode within " + seedWithin;
            if (publications.remove(id, reason, targets)) {
                removed.add(id);
                LOG.warnf("[publication=%s] removed '%s': %s", id, publication.name(), reason);
            }
        } else if (publication.state() == PublicationState.ACTIVE && received.containsAll(targets)) {
            publications.markComplete(id);
        }
    }

    private boolean neverSeeded(Publication publication, Instant now) {
        return !publication.createdAt().plus(seedWithin).isAfter(now)
                && publications.holders(publication.id()).stream().noneMatch(Holder::complete);
    }

    private GroupPolicy policyOf(Publication publication) {
        try {
            return directory.findGroup(publication.group()).isPresent()
                    ? directory.policy(publication.group())
                    : GroupPolicy.DEFAULT;
        } catch (RuntimeException e) {
            LOG.errorf(
                    "[publication=%s] policy of group '%s' unreadable (%s); applying the default",
                    publication.id(), publication.group(), e.getMessage());
            return GroupPolicy.DEFAULT;
        }
    }
}
