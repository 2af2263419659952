package io.swarmdrop.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File names as libtorrent4j can hand them to libtorrent. Its JNI layer converts Java strings to
 * "modified UTF-8", which spells NUL and every character outside the Basic Multilingual Plane
 * (emoji, CJK extension B, historic scripts) as surrogate pairs: libtorrent would then look for a
 * file that does not exist ("content total size can't be 0" when hashing, 0% forever when seeding).
 * Such a name never crosses: a file that has one is opened through a hidden hard link with a plain
 * name beside it, and a download is stored under {@link #DOWNLOAD} until Java moves it.
 */
public final class NativeNames {

    /** The name a download is stored under when its own name cannot cross to libtorrent. */
    public static final String DOWNLOAD = "content";

    private NativeNames() {}

    /** True if libtorrent receives exactly this name's UTF-8 bytes. */
    public static boolean crossesUnchanged(String name) {
        return name.codePoints().allMatch(c -> c != 0 && Character.isBmpCodePoint(c));
    }

    /** The name to download a file called {@code name} under: its own when it crosses, else {@link #DOWNLOAD}. */
    public static String forDownload(String name) {
        return crossesUnchanged(name) ? name : DOWNLOAD;
    }

    /**
     * A hidden hard link in {@code folder} to {@code file}, named after {@code tag}, replacing a
     * stale one from before a crash. Hidden names are never published by the outbox.
     */
    static Path link(Path file, Path folder, String tag) {
        Path link = folder.resolve(".swarmdrop-" + tag.replaceAll("[^A-Za-z0-9._-]", "_") + ".link");
        try {
            Files.deleteIfExists(link);
            return Files.createLink(link, file);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UncheckedIOException(
                    "libtorrent cannot open '" + file.getFileName() + "' by its name (characters outside the Basic"
                            + " Multilingual Plane), and no hard link to it can be made in " + folder + ": "
                            + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    static void unlink(Path link) {
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            // A stale link is replaced on the next add and costs no space while the file is kept.
        }
    }
}
