package io.swarmdrop.console;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.swarmdrop.core.files.DurableH2;
import io.swarmdrop.core.security.GeneratedSettings;
import io.swarmdrop.core.security.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Puts the console's H2 database (accounts with their password hashes, the audit log) in
 * {@code <data-dir>/db/}, a folder only the console's user can open: H2 creates its files with the
 * process umask, readable by every local user on most systems (issue 14, item 4). A database an
 * older version kept directly in the data folder is moved in. H2 refuses implicitly relative
 * paths, so the URL is absolute. An explicit {@code quarkus.datasource.jdbc.url} still wins.
 */
public class DatabaseLocation implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue("swarmdrop.console.data-dir");
        String folder = dataDir == null || dataDir.getValue() == null ? "console-data" : dataDir.getValue();
        Path data = Path.of(folder).toAbsolutePath().normalize();
        return List.of(new GeneratedSettings(
                "swarmdrop-console-db",
                Set.of(PROPERTY),
                () -> ExecutionMode.current() != ExecutionMode.UNSET,
                () -> Map.of(PROPERTY, DurableH2.url(prepare(data).resolve("console")))));
    }

    /** The owner-only database folder, made (or narrowed) once, with an older database moved in. */
    static Path prepare(Path data) {
        Path db = data.resolve("db");
        try {
            Files.createDirectories(data);
            if (!Files.isDirectory(db)) {
                Files.createDirectory(db, SecretFiles.ownerOnlyFolder());
            } else if (Files.getFileStore(db).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwx------"));
            }
            for (String file : List.of("console.mv.db", "console.trace.db")) {
                Path old = data.resolve(file);
                if (Files.exists(old) && !Files.exists(db.resolve(file))) {
                    Files.move(old, db.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the console's database folder " + db, e);
        }
        return db;
    }
}
