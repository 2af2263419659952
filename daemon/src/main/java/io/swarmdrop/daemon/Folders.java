package io.swarmdrop.daemon;

import io.swarmdrop.core.cluster.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The daemon's folders under its root: {@code outbox/<group>/}, {@code inbox/<group>/} and the
 * hidden {@code .swarmdrop/} (journal and staging). Staging sits on the same file system as the
 * default inbox, so a finished file enters the inbox by an atomic link or rename.
 *
 * <p>A group's outbox or inbox may live elsewhere ({@code outbox.<group>} and {@code inbox.<group>}
 * in the config file), such as a share the department already uses; an inbox on another file
 * system than the root is filled by a copy under a hidden name and a rename, so it is still never
 * seen half-written.
 */
public final class Folders {

    /** Config properties of the overrides, outside {@code swarmdrop.daemon.*} whose mapping refuses unknown keys. */
    public static final String OUTBOX_PREFIX = "swarmdrop.folders.outbox.";

    public static final String INBOX_PREFIX = "swarmdrop.folders.inbox.";

    private final Path root;
    private final Map<String, Path> outboxes;
    private final Map<String, Path> inboxes;

    public Folders(Path root) {
        this(root, Map.of(), Map.of());
    }

    public Folders(Path root, Map<String, Path> outboxes, Map<String, Path> inboxes) {
        this.root = root.toAbsolutePath().normalize();
        this.outboxes = Map.copyOf(outboxes);
        this.inboxes = Map.copyOf(inboxes);
    }

    public Path root() {
        return root;
    }

    public Path outboxRoot() {
        return root.resolve("outbox");
    }

    public Path outbox(String group) {
        Path elsewhere = outboxes.get(group);
        return elsewhere != null ? elsewhere : outboxRoot().resolve(Names.requireValid("group", group));
    }

    public Path inbox(String group) {
        Path elsewhere = inboxes.get(group);
        return elsewhere != null ? elsewhere : root.resolve("inbox").resolve(Names.requireValid("group", group));
    }

    public Path staging(String publicationId) {
        return root.resolve(".swarmdrop").resolve("staging").resolve(Names.requireValid("publication", publicationId));
    }

    /** The hard links through which files with names libtorrent cannot take are seeded. */
    public Path links() {
        return root.resolve(".swarmdrop").resolve("links");
    }

    /** libtorrent's resume data of unfinished fetches. */
    public Path resume() {
        return root.resolve(".swarmdrop").resolve("resume");
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
