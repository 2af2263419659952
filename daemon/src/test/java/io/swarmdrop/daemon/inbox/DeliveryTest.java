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
        assertThat(root.resolve(".swarmdrop/staging/p1/plan.pdf"))
                .as("the staged name stays until the inbox has recorded the delivery")
                .hasContent("v1");
    }

    @Test
    void placingAgainAfterACrashBeforeTheRecordFindsTheFirstCopy() throws Exception {
        Path inbox = root.resolve("inbox/design");
        Path staged = staged("plan.pdf", "v1");
        Path first = Delivery.place(staged, inbox, "plan.pdf");

        // Killed before the journal said "delivered": the next start places the staged file again.
        Path again = Delivery.place(staged, inbox, "plan.pdf");

        assertThat(again).isEqualTo(first);
        try (var files = Files.list(inbox)) {
            assertThat(files).containsExactly(first);
        }
    }

    @Test
    void contentFetchedAgainAfterACrashIsNotPlacedTwice() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox/design"));
        Files.writeString(inbox.resolve("plan.pdf"), "mine");
        Path first = Delivery.place(staged("plan.pdf", "theirs"), inbox, "plan.pdf");
        Files.delete(root.resolve(".swarmdrop/staging/p1/plan.pdf"));

        // The staged file was gone, so the fetch ran again and wrote a new file with the same bytes.
        Path again = Delivery.place(staged("plan.pdf", "theirs"), inbox, "plan.pdf");

        assertThat(first).isEqualTo(inbox.resolve("plan (1).pdf"));
        assertThat(again).isEqualTo(first);
        assertThat(inbox.resolve("plan.pdf")).hasContent("mine");
        assertThat(inbox.resolve("plan (2).pdf")).doesNotExist();
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
            try (var left = Files.list(elsewhere)) {
                assertThat(left).as("no hidden copy is left").containsExactly(placed);
            }
            assertThat(Delivery.place(staged, elsewhere, "plan.pdf"))
                    .as("placing again finds the copy")
                    .isEqualTo(placed);
        } finally {
            io.swarmdrop.core.files.FileTrees.delete(elsewhere);
        }
    }
}
