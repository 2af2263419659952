package io.swarmdrop.daemon.inbox;

import io.swarmdrop.core.files.FileNames;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Places a verified file in an inbox: whole or not at all, and never over a file that is there,
 * whoever put it there.
 */
public final class Delivery {

    private Delivery() {}

    /**
     * Makes the staged file appear in the inbox in one step and never over an existing file: a hard
     * link fails when the name exists (then the next free name is tried), and the file it creates is
     * already complete.
     */
    public static Path place(Path staged, Path inbox, String name) throws IOException {
        Files.createDirectories(inbox);
        if (!Files.getFileStore(staged).equals(Files.getFileStore(inbox))) {
            staged = copyBeside(staged, inbox);
        }
        while (true) {
            Path target = FileNames.firstFree(inbox, name);
            try {
                Files.createLink(target, staged);
                Files.delete(staged);
                return target;
            } catch (FileAlreadyExistsException e) {
                // Someone took the name after we looked; try the next one.
            } catch (UnsupportedOperationException e) {
                // No hard links here: a rename is atomic too, and the name was free a moment ago.
                return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /**
     * An inbox on another file system (a group folder set elsewhere) cannot take a link: the file
     * is copied next to it under a hidden temporary name, which no one treats as delivered, and
     * linked from there. The staged file stays until the copy is complete.
     */
    private static Path copyBeside(Path staged, Path inbox) throws IOException {
        Path copy = inbox.resolve("." + staged.getFileName() + "." + System.nanoTime() + ".part");
        try {
            Files.copy(staged, copy, StandardCopyOption.COPY_ATTRIBUTES);
            try (var channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        Files.delete(staged);
        return copy;
    }
}
