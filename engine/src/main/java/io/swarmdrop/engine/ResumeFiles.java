package io.swarmdrop.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * libtorrent's resume data, one file per torrent ({@code <key>.resume}), each replaced in one step:
 * written to a temporary file, flushed, renamed over the old one. A kill at any moment leaves the
 * old version or the new one, never a torn file. Resume data used to be a blob in H2, rewritten
 * every 15 seconds for every unfinished transfer; that kept H2's compaction busy on the very
 * stores that lost committed rows after a kill (finding D1), and H2 is no better at it than a
 * rename.
 */
public final class ResumeFiles {

    /** Publication ids and the like: no separators, no leading dot. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    private static final String SUFFIX = ".resume";
    private static final String TEMPORARY = ".tmp";

    private static final Logger LOG = Logger.getLogger(ResumeFiles.class);

    private final Path folder;

    /** Resume files in {@code folder}, created if missing; temporary files a kill left there are removed. */
    public ResumeFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, "*" + SUFFIX + TEMPORARY)) {
                for (Path file : stale) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the resume data folder " + folder, e);
        }
    }

    /**
     * Replaces the resume data of {@code key}. A failure (a full disk, say) is logged and costs only
     * a re-check of the file after a restart, so callers need not handle it.
     */
    public void write(String key, byte[] data) {
        Path target = file(key);
        Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY);
        try {
            try (var channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                var buffer = java.nio.ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warnf(
                    "[publication=%s] could not save resume data (a restart will check the file): %s",
                    key, e.getMessage());
        }
    }

    /** The resume data of {@code key}, if any was written. */
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Without resume data libtorrent checks the file on disk: slower, never wrong.
            return Optional.empty();
        }
    }

    /** Forgets the resume data of {@code key}; nothing happens when there is none, a failure is logged. */
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            LOG.warnf("[publication=%s] could not delete its resume data: %s", key, e.getMessage());
        }
    }

    private Path file(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a resume data key: " + key);
        }
        return folder.resolve(key + SUFFIX);
    }
}
