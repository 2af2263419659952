package io.swarmdrop.console.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.swarmdrop.core.audit.AuditEvent;
import io.swarmdrop.core.audit.AuditQueue;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The audit log, in the console's database: every change made in the console, every sign-in, and
 * every enrolment (raised on the supernodes, moved here from ZooKeeper's queue).
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final EntityManager db;
    private final AuditQueue queue;
    private final Clock clock;

    AuditLog(EntityManager db, AuditQueue queue, Clock clock) {
        this.db = db;
        this.queue = queue;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String source) {
        store(new AuditEvent(clock.instant(), actor, action, target, source));
    }

    private void store(AuditEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            var entry = new AuditEntry();
            // Cut to the columns' lengths: an over-long field must cost its tail, not the entry
            // (and, before, every entry after it: finding I5).
            entry.at = event.at();
            entry.actor = fit(event.actor(), 255);
            entry.action = fit(event.action(), 255);
            entry.target = fit(event.target(), 1000);
            entry.source = fit(event.source(), 255);
            db.persist(entry);
        });
    }

    @Scheduled(
            every = "${swarmdrop.console.audit-drain-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drainQueue() {
        try {
            queue.drain(this::store);
        } catch (RuntimeException e) {
            LOG.warnf("audit events from the supernodes not taken yet: %s", e.getMessage());
        }
    }

    static String fit(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, length - 1) + "\u2026";
    }

    /** Entries newest first whose actor, action, target or source contains {@code text}, at most {@code limit}. */
    public List<AuditEntry> search(String text, int limit) {
        String like = "%"
                + (text == null ? "" : text.toLowerCase().replace("%", "\\%").replace("_", "\\_")) + "%";
        return QuarkusTransaction.requiringNew().call(() -> db.createQuery(
                        "from AuditEntry e where lower(e.actor) like ?1 escape '\\' or lower(e.action) like ?1 escape '\\'"
                                + " or lower(e.target) like ?1 escape '\\' or lower(coalesce(e.source, '')) like ?1 escape '\\'"
                                + " order by e.at desc, e.id desc",
                        AuditEntry.class)
                .setParameter(1, like)
                .setMaxResults(limit)
                .getResultList());
    }
}
