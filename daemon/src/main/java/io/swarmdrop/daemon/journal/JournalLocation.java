package io.swarmdrop.daemon.journal;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.swarmdrop.core.files.DurableH2;
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
 * Puts the H2 journal in {@code <root>/.swarmdrop/journal/}, a folder only the daemon's user can
 * open: the journal holds the device token and tracker passkey, and H2 creates its files with
 * the process umask (0644 on desktops, finding A10). {@code .swarmdrop/} itself stays readable to
 * the command's group for the local-api file. A journal an older version kept directly in
 * {@code .swarmdrop/} is moved in. H2 refuses implicitly relative paths, and the root may be given
 * either way, so the URL is built from its absolute form here. An explicit
 * {@code quarkus.datasource.jdbc.url} (system property or environment) still wins.
 */
public class JournalLocation implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue root = context.getValue("swarmdrop.daemon.root");
        String folder = root == null || root.getValue() == null
                ? Path.of(System.getProperty("user.home"), "Swarmdrop").toString()
                : root.getValue();
        return List.of(new Location(Path.of(folder).toAbsolutePath().normalize().resolve(".swarmdrop")));
    }

    /** Prepares the folder only when the running daemon asks for the URL, never while the build reads it. */
    private static final class Location implements ConfigSource {
        private final Path hidden;
        private volatile String url;

        Location(Path hidden) {
            this.hidden = hidden;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(PROPERTY);
        }

        @Override
        public Map<String, String> getProperties() {
            String value = getValue(PROPERTY);
            return value == null ? Map.of() : Map.of(PROPERTY, value);
        }

        @Override
        public String getValue(String name) {
            if (!PROPERTY.equals(name)) {
                return null;
            }
            Path folder = hidden.resolve("journal");
            if (url == null && ExecutionMode.current() != ExecutionMode.UNSET) {
                prepare(folder);
            }
            if (url == null) {
                url = DurableH2.url(folder.resolve("journal"));
            }
            return url;
        }

        private void prepare(Path folder) {
            try {
                Files.createDirectories(hidden);
                if (!Files.isDirectory(folder)) {
                    Files.createDirectory(folder, SecretFiles.ownerOnlyFolder());
                } else if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                    // A folder made by hand or by an older version: narrowed once, here.
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
                for (String file : List.of("journal.mv.db", "journal.trace.db")) {
                    Path old = hidden.resolve(file);
                    if (Files.exists(old) && !Files.exists(folder.resolve(file))) {
                        Files.move(old, folder.resolve(file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the journal folder " + folder, e);
            }
        }

        @Override
        public String getName() {
            return "swarmdrop-journal";
        }

        @Override
        public int getOrdinal() {
            return 275;
        }
    }
}
