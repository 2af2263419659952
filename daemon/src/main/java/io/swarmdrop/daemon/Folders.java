package io.swarmdrop.daemon;

import io.swarmdrop.core.cluster.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The daemon's folders under its root: {@code outbox/<group>/}, {@code inbox/<group>/} and the
 * hidden {@code .swarmdrop/} (journal and staging). Staging sits on the same file system as the
 * inbox, so a finished file enters the inbox by an atomic link or rename, never by a copy.
 */
public final class Folders {

    private final Path root;

    public Folders(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path outboxRoot() {
        return root.resolve("outbox");
    }

    public Path outbox(String group) {
        return outboxRoot().resolve(Names.requireValid("group", group));
    }

    public Path inbox(String group) {
        return root.resolve("inbox").resolve(Names.requireValid("group", group));
    }

    public Path staging(String publicationId) {
        return root.resolve(".swarmdrop").resolve("staging").resolve(Names.requireValid("publication", publicationId));
    }

    public void createBase() {
        create(outboxRoot());
        create(root.resolve("inbox"));
        create(root.resolve(".swarmdrop").resolve("staging"));
    }

    public void createGroup(String group) {
        create(outbox(group));
        create(inbox(group));
    }

    private static void create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + folder, e);
        }
    }
}
