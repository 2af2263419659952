package io.swarmdrop.supernode.seeding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.swarmdrop.core.publication.Publication;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The supernode's catalog of stored files in H2: one row per publication it fetches or holds, so a
 * restart rejoins every swarm (libtorrent's resume data is in {@link io.swarmdrop.engine.ResumeFiles}
 * beside it). Each call is a transaction of its own.
 */
@Singleton
public class Catalog {

    private final EntityManager db;
    private final Clock clock;

    Catalog(EntityManager db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a row for a publication being fetched, unless it has one. */
    void add(Publication publication) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (db.find(StoredFile.class, publication.id()) == null) {
                var row = new StoredFile();
                row.publicationId = publication.id();
                row.groupName = publication.group();
                row.name = publication.name();
                row.size = publication.size();
                row.infohashV2 = publication.infohashV2();
                row.state = StoredFile.State.FETCHING;
                row.addedAt = clock.instant();
                db.persist(row);
            }
        });
    }

    /** Every row. */
    public List<StoredFile> rows() {
        return QuarkusTransaction.requiringNew()
                .call(() -> db.createQuery("from StoredFile", StoredFile.class).getResultList());
    }

    /** True while the catalog has a row for the publication. */
    boolean contains(String publicationId) {
        return QuarkusTransaction.requiringNew().call(() -> db.find(StoredFile.class, publicationId) != null);
    }

    /** Marks a row stored; its file name when this changed it, empty when it was stored already or is gone. */
    Optional<String> markStored(String publicationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredFile row = db.find(StoredFile.class, publicationId);
            if (row == null || row.state == StoredFile.State.STORED) {
                return Optional.empty();
            }
            row.state = StoredFile.State.STORED;
            row.storedAt = clock.instant();
            return Optional.of(row.name);
        });
    }

    void remove(String publicationId) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoredFile row = db.find(StoredFile.class, publicationId);
            if (row != null) {
                db.remove(row);
            }
        });
    }
}
