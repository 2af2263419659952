package io.swarmdrop.daemon;

import io.swarmdrop.core.api.TransferStatus;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.route.RouteException;
import io.swarmdrop.daemon.route.Routes;
import io.swarmdrop.engine.TorrentEngine;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Stops seeding what its route removed: once a publication's retention is over, the files in the
 * outbox and inbox stay where they are, but this device no longer serves them.
 */
@Singleton
public class Retirement {

    private static final Logger LOG = Logger.getLogger(Retirement.class);

    private final Routes routes;
    private final Journal journal;
    private final TorrentEngine engine;

    Retirement(Routes routes, Journal journal, TorrentEngine engine) {
        this.routes = routes;
        this.journal = journal;
        this.engine = engine;
    }

    /** One pass over the seeded publications; a route that cannot be reached just ends the pass. */
    public void retireRemoved() {
        for (TransferStatus transfer : engine.statuses()) {
            if (!transfer.finished()) {
                continue;
            }
            try {
                if (!routes.forPublication(transfer.key()).isRemoved(transfer.key())) {
                    continue;
                }
            } catch (RouteException e) {
                return;
            }
            engine.remove(transfer.key(), false);
            journal.retire(transfer.key());
            LOG.infof(
                    "[publication=%s] removed from the supernodes; no longer seeding '%s'",
                    transfer.key(), transfer.name());
        }
    }
}
