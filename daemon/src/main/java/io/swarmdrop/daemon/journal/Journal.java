package io.swarmdrop.daemon.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The daemon's journal in H2: enrolment, what it published, and what it is receiving. */
@ApplicationScoped
@Transactional
public class Journal {

    private final EntityManager db;
    private final Clock clock;

    Journal(EntityManager db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(db.find(Setting.class, name)).map(s -> s.value);
    }

    public void setting(String name, String value) {
        Setting setting = db.find(Setting.class, name);
        if (setting == null) {
            setting = new Setting();
            setting.name = name;
            setting.value = value;
            db.persist(setting);
        } else {
            setting.value = value;
        }
    }

    public void removeSetting(String name) {
        Setting setting = db.find(Setting.class, name);
        if (setting != null) {
            db.remove(setting);
        }
    }

    /** The journal entry for exactly this version of an outbox file, if it was seen before. */
    public Optional<PublishedFile> published(FileVersion file) {
        return db.createQuery(
                        "from PublishedFile where groupName = ?1 and fileName = ?2 and size = ?3 and modifiedMillis = ?4",
                        PublishedFile.class)
                .setParameter(1, file.group())
                .setParameter(2, file.name())
                .setParameter(3, file.size())
                .setParameter(4, file.modifiedMillis())
                .getResultStream()
                .findFirst();
    }

    /**
     * Published files of the group with this size and time under another name: what a rename of
     * {@code file} inside its outbox leaves in the journal.
     */
    public List<PublishedFile> publishedUnderOtherNames(FileVersion file) {
        return db.createQuery(
                        "from PublishedFile where groupName = ?1 and fileName <> ?2 and size = ?3 and modifiedMillis = ?4"
                                + " and state = ?5",
                        PublishedFile.class)
                .setParameter(1, file.group())
                .setParameter(2, file.name())
                .setParameter(3, file.size())
                .setParameter(4, file.modifiedMillis())
                .setParameter(5, PublishedFile.State.PUBLISHED)
                .getResultList();
    }

    /** The published file now goes by {@code file}'s name. */
    public void renamed(long entryId, FileVersion file) {
        PublishedFile entry = db.find(PublishedFile.class, entryId);
        entry.fileName = file.name();
        entry.fileKey = file.fileKey();
    }

    public void recordPublication(
            FileVersion file, PublishedFile.State state, String publicationId, byte[] metainfo, String message) {
        var entry = new PublishedFile();
        entry.groupName = file.group();
        entry.fileName = file.name();
        entry.size = file.size();
        entry.modifiedMillis = file.modifiedMillis();
        entry.fileKey = file.fileKey();
        entry.state = state;
        entry.publicationId = publicationId;
        entry.message = message;
        entry.metainfo = metainfo;
        entry.at = clock.instant();
        db.persist(entry);
    }

    /** A file seen in an outbox and what became of it, newest first, without the metainfo. */
    public record OutboxEntry(
            String group, String name, long size, PublishedFile.State state, String publicationId, String message) {}

    public List<OutboxEntry> outboxEntries() {
        return db.createQuery(
                        "select new io.swarmdrop.daemon.journal.Journal$OutboxEntry(p.groupName, p.fileName, p.size,"
                                + " p.state, p.publicationId, p.message) from PublishedFile p order by p.at desc",
                        OutboxEntry.class)
                .getResultList();
    }

    public List<PublishedFile> publishedFiles() {
        return db.createQuery("from PublishedFile where state = ?1 and retired = false", PublishedFile.class)
                .setParameter(1, PublishedFile.State.PUBLISHED)
                .getResultList();
    }

    public Optional<Fetch> fetch(String publicationId) {
        return Optional.ofNullable(db.find(Fetch.class, publicationId));
    }

    /** The fetch with its metainfo loaded, for handing to libtorrent. */
    public Optional<Fetch> fetchWithData(String publicationId) {
        Fetch fetch = db.find(Fetch.class, publicationId);
        if (fetch != null) {
            // Touch the lazy column inside the transaction.
            int ignored = fetch.metainfo == null ? 0 : fetch.metainfo.length;
        }
        return Optional.ofNullable(fetch);
    }

    public void startFetch(String publicationId, String group, String fileName, long size, byte[] metainfo) {
        var fetch = new Fetch();
        fetch.publicationId = publicationId;
        fetch.groupName = group;
        fetch.fileName = fileName;
        fetch.size = size;
        fetch.metainfo = metainfo;
        fetch.state = Fetch.State.FETCHING;
        fetch.acceptedAt = clock.instant();
        db.persist(fetch);
    }

    public void rejectFetch(String publicationId, String group, String fileName, long size, String message) {
        var fetch = new Fetch();
        fetch.publicationId = publicationId;
        fetch.groupName = group;
        fetch.fileName = fileName;
        fetch.size = size;
        fetch.state = Fetch.State.REJECTED;
        fetch.message = message;
        fetch.acceptedAt = clock.instant();
        db.persist(fetch);
    }

    /**
     * Sets or clears ({@code null}) what holds a fetch back, for the status. One column, in one
     * statement, for the same reason as the delivery's own update.
     */
    public void noteFetch(String publicationId, String message) {
        db.createQuery("update Fetch f set f.message = ?1 where f.publicationId = ?2 and f.state = ?3")
                .setParameter(1, message)
                .setParameter(2, publicationId)
                .setParameter(3, Fetch.State.FETCHING)
                .executeUpdate();
    }

    public void delivered(String publicationId, String path, long downloadedBytes) {
        Fetch fetch = db.find(Fetch.class, publicationId);
        fetch.downloadedBytes = downloadedBytes;
        fetch.state = Fetch.State.DELIVERED;
        fetch.deliveredPath = path;
        fetch.deliveredAt = clock.instant();
    }

    public void acknowledged(String publicationId) {
        db.find(Fetch.class, publicationId).state = Fetch.State.ACKNOWLEDGED;
    }

    /** Marks a publication's local copies (published or received) as no longer seeded. */
    public void retire(String publicationId) {
        db.createQuery("update PublishedFile set retired = true where publicationId = ?1")
                .setParameter(1, publicationId)
                .executeUpdate();
        db.createQuery("update Fetch set retired = true where publicationId = ?1")
                .setParameter(1, publicationId)
                .executeUpdate();
    }

    /** Forgets a fetch, so the publication can be accepted again (the command's {@code get}). */
    public void forgetFetch(String publicationId) {
        Fetch fetch = db.find(Fetch.class, publicationId);
        if (fetch != null) {
            db.remove(fetch);
        }
    }

    public List<Fetch> fetches() {
        return db.createQuery("from Fetch order by acceptedAt", Fetch.class).getResultList();
    }

    public List<Fetch> fetches(Fetch.State state) {
        return db.createQuery("from Fetch where state = ?1", Fetch.class)
                .setParameter(1, state)
                .getResultList();
    }
}
