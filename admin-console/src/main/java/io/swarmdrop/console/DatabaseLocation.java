package io.swarmdrop.console;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Puts the console's H2 database under its data folder (H2 refuses implicitly relative paths). An
 * explicit {@code quarkus.datasource.jdbc.url} still wins.
 */
public class DatabaseLocation implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue("swarmdrop.console.data-dir");
        String folder = dataDir == null || dataDir.getValue() == null ? "console-data" : dataDir.getValue();
        String url = "jdbc:h2:file:"
                + Path.of(folder).toAbsolutePath().normalize().resolve("console") + ";DB_CLOSE_ON_EXIT=FALSE";
        return List.of(
                new PropertiesConfigSource(Map.of("quarkus.datasource.jdbc.url", url), "swarmdrop-console-db", 275));
    }
}
