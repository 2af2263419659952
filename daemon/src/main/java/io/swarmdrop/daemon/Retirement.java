package io.swarmdrop.daemon;

import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.lan.Lan;
import io.swarmdrop.daemon.link.Link;
import io.swarmdrop.daemon.link.SupernodeException;
import io.swarmdrop.engine.TorrentEngine;
import io.swarmdrop.engine.TransferStatus;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Stops seeding what the supernodes removed: once a publication's retention is over, the files in
 * the outbox and inbox stay where they are, but this device no longer serves them.
 */
@Singleton
public class Retirement {

    private static final Logger LOG = Logger.getLogger(Retirement.class);

    private final Link link;
    private final Journal journal;
    private final TorrentEngine engine;

    Retirement(Link link, Journal journal, TorrentEngine engine) {
        this.link = link;
        this.journal = journal;
        this.engine = engine;
    }

    /** One pass over the seeded publications; a supernode that cannot be reached just ends the pass. */
    public void retireRemoved() {
        for (TransferStatus transfer : engine.statuses()) {
            if (!transfer.finished() || Lan.isLocal(transfer.key())) {
                continue;
            }
            String state;
            try {
                state = link.client().publication(transfer.key()).state();
            } catch (SupernodeException e) {
                if (e.status() != 404) {
                    return;
                }
                state = "REMOVED";
            }
            if (state.equals("REMOVED")) {
                engine.remove(transfer.key(), false);
                journal.retire(transfer.key());
                LOG.infof(
                        "[publication=%s] removed from the supernodes; no longer seeding '%s'",
                        transfer.key(), transfer.name());
            }
        }
    }
}
