package io.swarmdrop.supernode.seeding;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.swarmdrop.core.files.DurableH2;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Puts the H2 catalog under the data folder. H2 refuses implicitly relative paths, and the data
 * folder may be given either way, so the URL is built from its absolute form here. An explicit
 * {@code quarkus.datasource.jdbc.url} (system property or environment) still wins.
 */
public class CatalogLocation implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataDir = context.getValue("swarmdrop.supernode.data-dir");
        String folder = dataDir == null || dataDir.getValue() == null ? "data" : dataDir.getValue();
        String url = DurableH2.url(Path.of(folder).resolve("catalog"));
        return List.of(
                new PropertiesConfigSource(Map.of("quarkus.datasource.jdbc.url", url), "swarmdrop-catalog", 275));
    }
}
