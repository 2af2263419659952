package io.swarmdrop.daemon.link;

import io.swarmdrop.core.api.client.SupernodeException;
import io.swarmdrop.core.directory.DeviceRecord;
import io.swarmdrop.daemon.journal.Fetch;
import io.swarmdrop.daemon.journal.Journal;
import io.swarmdrop.daemon.journal.PublishedFile;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Tells the supernode, for the console's view of this device, what will not move on its own: files
 * the outbox refused, fetches waiting for disk space, publications the inbox rejected. The same
 * lines as {@code swarmdrop status}, sent when they change and once after each start.
 */
@Singleton
public class ProblemReport {

    private static final Logger LOG = Logger.getLogger(ProblemReport.class);

    private final Journal journal;
    private final Link link;
    /** What the supernode was last told since this start; null before the first report. */
    private List<String> sent;

    ProblemReport(Journal journal, Link link) {
        this.journal = journal;
        this.link = link;
    }

    /** Sends the current problems if they differ from the last ones sent; a failure waits for the next call. */
    public void sendIfChanged() {
        List<String> now = problems();
        if (now.equals(sent)) {
            return;
        }
        try {
            link.client().reportProblems(now);
            sent = now;
        } catch (SupernodeException e) {
            if (!e.isRetryable()) {
                sent = now; // a supernode that cannot take them (an older one): not again until they change
            }
            LOG.debugf("problems not reported to the supernode: %s", e.getMessage());
        }
    }

    /** The newest {@value DeviceRecord#MAX_PROBLEMS} problems, one line each. */
    List<String> problems() {
        var lines = new ArrayList<String>();
        for (Journal.OutboxEntry entry : journal.outboxEntries()) {
            if (entry.state() == PublishedFile.State.REFUSED) {
                lines.add("refused: %s/%s: %s".formatted(entry.group(), entry.name(), entry.message()));
            }
        }
        for (Fetch fetch : journal.fetches()) {
            if (fetch.state == Fetch.State.FETCHING && fetch.message != null) {
                lines.add("waiting: %s/%s: %s".formatted(fetch.groupName, fetch.fileName, fetch.message));
            } else if (fetch.state == Fetch.State.REJECTED) {
                lines.add("rejected: %s/%s: %s".formatted(fetch.groupName, fetch.fileName, fetch.message));
            }
        }
        return List.copyOf(lines.subList(0, Math.min(lines.size(), DeviceRecord.MAX_PROBLEMS)));
    }
}
