package io.swarmdrop.supernode.seeding;

import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.supernode.SupernodeConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Torrent metainfo files kept on this supernode's disk (never in ZooKeeper), one per publication. */
@Singleton
public class MetainfoStore {

    private final Path folder;

    MetainfoStore(SupernodeConfig config) {
        this.folder = Path.of(config.dataDir(), "torrents");
    }

    public void save(String publicationId, Metainfo metainfo) {
        try {
            Files.createDirectories(folder);
            // A temporary name of its own: two requests may save the same metainfo at once.
            Path partial = Files.createTempFile(folder, publicationId + ".", ".part");
            Files.write(partial, metainfo.bytes());
            Files.move(
                    partial, file(publicationId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the metainfo of " + publicationId, e);
        }
    }

    public Optional<byte[]> read(String publicationId) {
        try {
            Path file = file(publicationId);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metainfo of " + publicationId, e);
        }
    }

    public void delete(String publicationId) {
        try {
            Files.deleteIfExists(file(publicationId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the metainfo of " + publicationId, e);
        }
    }

    private Path file(String publicationId) {
        return folder.resolve(publicationId + ".torrent");
    }
}
