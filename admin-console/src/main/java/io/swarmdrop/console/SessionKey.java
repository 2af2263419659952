package io.swarmdrop.console;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.swarmdrop.core.security.GeneratedSettings;
import io.swarmdrop.core.security.SecretFiles;
import io.swarmdrop.core.security.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that encrypts the console's session cookies: generated once into
 * {@code <data-dir>/session-key} (owner-only) and read from there, so sessions survive a restart
 * and the key is never logged. Without it Quarkus makes up a key at every start and writes it into
 * the log at WARN, from which anyone reading the log can forge an admin's cookie (finding A4). An
 * explicit {@code quarkus.http.auth.session.encryption-key} still wins.
 */
public class SessionKey implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue("swarmdrop.console.data-dir");
        String folder = dataDir == null || dataDir.getValue() == null ? "console-data" : dataDir.getValue();
        Path file = Path.of(folder).toAbsolutePath().normalize().resolve("session-key");
        // Read, or created, only when the running console asks for the key: the build reads
        // configuration too, and must not write a key into the folder it happens to run in.
        return List.of(new GeneratedSettings(
                "swarmdrop-console-session-key",
                Set.of(PROPERTY),
                () -> ExecutionMode.current() != ExecutionMode.UNSET,
                () -> Map.of(PROPERTY, SecretFiles.readOrCreate(file, Secrets::newSecret))));
    }
}
