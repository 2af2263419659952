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

    /** Replaces the resume data of {@code key}. */
    public void write(String key, byte[] data) throws IOException {
        Path target = file(key);
        Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY);
        try (var channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            var buffer = java.nio.ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    /** Forgets the resume data of {@code key}; nothing happens when there is none. */
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    private Path file(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a resume data key: " + key);
        }
        return folder.resolve(key + SUFFIX);
    }
}
