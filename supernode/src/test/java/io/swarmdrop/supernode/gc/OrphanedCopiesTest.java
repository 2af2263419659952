package io.swarmdrop.supernode.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swarmdrop.core.publication.Publications;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.supernode.seeding.Seeder;
import io.swarmdrop.supernode.seeding.StoredFile;
import io.swarmdrop.testing.ZooKeeperResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A stored copy goes only on an explicit removal record: a copy of a removed publication whose
 * catalog row was lost (H2 was seen to lose rows after a SIGKILL) is deleted, while copies the
 * cluster state does not know at all, as after a ZooKeeper reset, are kept (finding D2).
 */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class OrphanedCopiesTest {

    @Inject
    Seeder seeder;

    @Inject
    StoreReaper reaper;

    @Inject
    Publications publications;

    @Inject
    EntityManager db;

    @ConfigProperty(name = "swarmdrop.supernode.data-dir")
    String dataDir;

    @Test
    void aCopyWithoutCatalogRowOfARemovedPublicationIsDeleted() throws Exception {
        Fixtures.user("olga");
        Fixtures.group("archive", "olga");
        String token = Fixtures.enrol("olga")[0];
        String id = Fixtures.publish(token, "archive", "old-report.pdf", 91);
        publications.remove(id, "a test removed it", List.of());
        seeder.release(id, "the test plays a lost catalog row");
        Path orphan = Path.of(dataDir, "store", id);
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("old-report.pdf"), "left behind by a crash");
        Path notOurs = Path.of(dataDir, "store", "Not A Publication");
        Files.createDirectories(notOurs);

        reaper.reap();

        assertThat(orphan).doesNotExist();
        assertThat(notOurs)
                .as("folders that cannot be publication ids are left alone")
                .exists();
        Files.delete(notOurs);
    }

    @Test
    void copiesTheClusterStateDoesNotKnowAreKeptWithOrWithoutTheirCatalogRow() throws Exception {
        Path withRow = Path.of(dataDir, "store", "unknown0with0row");
        Files.createDirectories(withRow);
        Files.writeString(withRow.resolve("plan.pdf"), "stored before ZooKeeper was reset");
        QuarkusTransaction.requiringNew().run(() -> {
            var row = new StoredFile();
            row.publicationId = "unknown0with0row";
            row.groupName = "design";
            row.name = "plan.pdf";
            row.size = 33;
            row.infohashV2 = "0".repeat(64);
            row.state = StoredFile.State.STORED;
            row.addedAt = Instant.now();
            db.merge(row);
        });
        Path withoutRow = Path.of(dataDir, "store", "unknown0without0row");
        Files.createDirectories(withoutRow);
        Files.writeString(withoutRow.resolve("budget.xlsx"), "its row lost too");

        reaper.reap();

        assertThat(withRow.resolve("plan.pdf")).hasContent("stored before ZooKeeper was reset");
        assertThat(withoutRow.resolve("budget.xlsx")).hasContent("its row lost too");
        QuarkusTransaction.requiringNew().run(() -> assertThat(db.find(StoredFile.class, "unknown0with0row"))
                .isNotNull());
    }
}
