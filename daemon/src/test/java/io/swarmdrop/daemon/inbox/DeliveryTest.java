package io.swarmdrop.daemon.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {

    @TempDir
    Path root;

    private Path staged(String name, String content) throws Exception {
        Path file = root.resolve(".swarmdrop/staging/p1").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void movesTheStagedFileIntoTheInboxUnderItsName() throws Exception {
        Path inbox = root.resolve("inbox/design");

        Path placed = Delivery.place(staged("plan.pdf", "v1"), inbox, "plan.pdf");

        assertThat(placed).isEqualTo(inbox.resolve("plan.pdf")).hasContent("v1");
        assertThat(root.resolve(".swarmdrop/staging/p1/plan.pdf")).doesNotExist();
    }

    @Test
    void neverOverwritesAnExistingFileButAddsASuffix() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox/design"));
        Files.writeString(inbox.resolve("plan.pdf"), "mine");
        Files.writeString(inbox.resolve("plan (1).pdf"), "also mine");

        Path placed = Delivery.place(staged("plan.pdf", "theirs"), inbox, "plan.pdf");

        assertThat(placed).isEqualTo(inbox.resolve("plan (2).pdf")).hasContent("theirs");
        assertThat(inbox.resolve("plan.pdf")).hasContent("mine");
        assertThat(inbox.resolve("plan (1).pdf")).hasContent("also mine");
    }

    @Test
    void anInboxOnAnotherFileSystemGetsACopyAndNoPartialFileIsLeft() throws Exception {
        Path elsewhere = Files.createTempDirectory(Path.of("/dev/shm"), "inbox-elsewhere");
        try {
            Path staged = staged("plan.pdf", "v1");
            assumeFalse(
                    Files.getFileStore(staged).equals(Files.getFileStore(elsewhere)),
                    "/dev/shm is on the same file system as " + root);

            Path placed = Delivery.place(staged, elsewhere, "plan.pdf");

            assertThat(placed).isEqualTo(elsewhere.resolve("plan.pdf")).hasContent("v1");
            assertThat(staged).doesNotExist();
            try (var left = Files.list(elsewhere)) {
                assertThat(left).containsExactly(placed);
            }
        } finally {
            io.swarmdrop.core.files.FileTrees.delete(elsewhere);
        }
    }
}
