package io.swarmdrop.console.publications;

import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.presence.SessionStore;
import io.swarmdrop.core.publication.Progress;
import io.swarmdrop.core.publication.Publication;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.core.publication.Removal;
import io.swarmdrop.policies.GroupPolicy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A publication's delivery as the console shows it: one state per recipient, and an overall percentage. */
@Singleton
public class Deliveries {

    /** Where one recipient is: received, fetching (with its percentage), pending (online or offline), expired. */
    public record Recipient(String user, String state, int percent) {}

    /**
     * @param deadline when the group's retention ends for it (null once removed)
     */
    public record Delivery(
            Publication publication, int percent, List<Recipient> recipients, Instant deadline, Removal removal) {}

    private final Publications publications;
    private final Directory directory;
    private final SessionStore presence;

    Deliveries(Publications publications, Directory directory, SessionStore presence) {
        this.publications = publications;
        this.directory = directory;
        this.presence = presence;
    }

    public Optional<Delivery> find(String id) {
        return publications.find(id).map(this::of);
    }

    public List<Delivery> all() {
        var all = new ArrayList<Delivery>();
        for (String id : publications.ids()) {
            publications.find(id).map(this::of).ifPresent(all::add);
        }
        all.sort((a, b) -> b.publication().createdAt().compareTo(a.publication().createdAt()));
        return all;
    }

    private Delivery of(Publication publication) {
        String id = publication.id();
        var received = new HashSet<>(publications.receivedBy(id));
        Map<String, Progress> progress = publications.progress(id);
        Optional<Removal> removal = publications.removal(id);
        var expired = new HashSet<String>(removal.map(Removal::expired).orElse(List.of()));
        var recipients = new ArrayList<Recipient>();
        long size = Math.max(1, publication.size());
        long total = 0;
        for (String user : publications.targets(id).stream().sorted().toList()) {
            Recipient recipient;
            if (received.contains(user)) {
                recipient = new Recipient(user, "received", 100);
            } else if (expired.contains(user)) {
                recipient = new Recipient(user, "expired", 0);
            } else if (progress.containsKey(user)) {
                int percent = (int) Math.min(99, progress.get(user).done() * 100 / size);
                recipient = new Recipient(user, "fetching", percent);
            } else {
                recipient = new Recipient(user, presence.isOnline(user) ? "pending (online)" : "pending (offline)", 0);
            }
            total += recipient.percent();
            recipients.add(recipient);
        }
        int percent = recipients.isEmpty() ? 100 : (int) (total / recipients.size());
        Instant deadline = removal.isPresent()
                ? null
                : publication
                        .createdAt()
                        .plus(policyOf(publication.group()).retention().maxAge());
        return new Delivery(publication, percent, recipients, deadline, removal.orElse(null));
    }

    private GroupPolicy policyOf(String group) {
        try {
            return directory.policy(group);
        } catch (RuntimeException e) {
            return GroupPolicy.DEFAULT; // The group was deleted; its files live by the default.
        }
    }
}
