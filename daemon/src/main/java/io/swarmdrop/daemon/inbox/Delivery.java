package io.swarmdrop.daemon.inbox;

import io.swarmdrop.core.files.FileNames;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Places a verified file in an inbox: whole or not at all, on disk before anyone is told, never
 * over a file that is there (whoever put it there), and once: placing the same content again, as a
 * daemon does when it was killed between placing a file and recording it, finds the first copy.
 */
public final class Delivery {

    private Delivery() {}

    /**
     * Makes the staged file appear in the inbox in one step and never over an existing file: a hard
     * link fails when the name exists (then the next free name is tried), and the file it creates is
     * already complete. The file and the folder's new entry are flushed to disk before this returns,
     * since a receipt sent afterwards lets the servers delete their copies.
     *
     * <p>The staged name is left for the caller to delete once it has recorded the delivery: a crash
     * before that record finds the staged file complete and places it again, and this method then
     * returns the copy already in the inbox instead of adding {@code name (1)}.
     */
    public static Path place(Path staged, Path inbox, String name) throws IOException {
        Files.createDirectories(inbox);
        force(staged);
        Optional<Path> earlier = sameContent(staged, inbox, name);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Path source = Files.getFileStore(staged).equals(Files.getFileStore(inbox)) ? staged : copyBeside(staged, inbox);
        try {
            while (true) {
                Path target = FileNames.firstFree(inbox, name);
                try {
                    Files.createLink(target, source);
                    forceFolder(inbox);
                    return target;
                } catch (FileAlreadyExistsException e) {
                    // Someone took the name after we looked; try the next one.
                } catch (UnsupportedOperationException e) {
                    // No hard links here: a rename is atomic too, and the name was free a moment ago.
                    Path moved = Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                    forceFolder(inbox);
                    return moved;
                }
            }
        } finally {
            if (source != staged) {
                Files.deleteIfExists(source);
            }
        }
    }

    /**
     * The file among {@code name}, {@code name (1)}, ... (up to the first free name) that holds
     * exactly the staged bytes, if any. Only files of the same size are read.
     */
    private static Optional<Path> sameContent(Path staged, Path inbox, String name) throws IOException {
        long size = Files.size(staged);
        for (Path candidate : FileNames.taken(inbox, name)) {
            if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(candidate) == size
                    && (Files.isSameFile(candidate, staged) || Files.mismatch(candidate, staged) == -1)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * An inbox on another file system (a group folder set elsewhere) cannot take a link: the file
     * is copied next to it under a hidden temporary name, which no one treats as delivered, and
     * linked from there.
     */
    private static Path copyBeside(Path staged, Path inbox) throws IOException {
        Path copy = inbox.resolve("." + staged.getFileName() + "." + System.nanoTime() + ".part");
        try {
            Files.copy(staged, copy, StandardCopyOption.COPY_ATTRIBUTES);
            force(copy);
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    private static void force(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Flushes a folder's entries, so a new name survives a power cut. Windows cannot open a folder
     * as a channel (NTFS journals its entries itself): there, this does nothing.
     */
    private static void forceFolder(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }
}
