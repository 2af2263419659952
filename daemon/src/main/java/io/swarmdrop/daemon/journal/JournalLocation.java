package io.swarmdrop.daemon.journal;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Puts the H2 journal under {@code <root>/.swarmdrop/}. H2 refuses implicitly relative paths, and
 * the root may be given either way, so the URL is built from its absolute form here. An explicit
 * {@code quarkus.datasource.jdbc.url} (system property or environment) still wins.
 */
public class JournalLocation implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue root = context.getValue("swarmdrop.daemon.root");
        String folder = root == null || root.getValue() == null
                ? Path.of(System.getProperty("user.home"), "Swarmdrop").toString()
                : root.getValue();
        String url =
                "jdbc:h2:file:" + Path.of(folder).toAbsolutePath().normalize().resolve(".swarmdrop/journal")
                        + ";DB_CLOSE_ON_EXIT=FALSE";
        return List.of(
                new PropertiesConfigSource(Map.of("quarkus.datasource.jdbc.url", url), "swarmdrop-journal", 275));
    }
}
