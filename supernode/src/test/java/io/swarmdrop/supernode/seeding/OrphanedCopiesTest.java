package io.swarmdrop.supernode.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swarmdrop.supernode.ZooKeeperResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A stored copy whose catalog row was lost (H2 was seen to lose rows after a SIGKILL) is deleted
 * once its publication is gone, instead of staying on disk for good.
 */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class OrphanedCopiesTest {

    @Inject
    Seeder seeder;

    @ConfigProperty(name = "swarmdrop.supernode.data-dir")
    String dataDir;

    @Test
    void aCopyWithoutCatalogRowOfAPublicationThatIsGoneIsDeleted() throws Exception {
        Path orphan = Path.of(dataDir, "store", "orphan0publication1");
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("report.pdf"), "left behind by a crash");
        Path notOurs = Path.of(dataDir, "store", "Not A Publication");
        Files.createDirectories(notOurs);

        seeder.reap();

        assertThat(orphan).doesNotExist();
        assertThat(notOurs)
                .as("folders that cannot be publication ids are left alone")
                .exists();
        Files.delete(notOurs);
    }
}
