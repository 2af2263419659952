package io.swarmdrop.daemon.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads the config file named by {@code swarmdrop.daemon.config-file} (a system property or
 * {@code SWARMDROP_DAEMON_CONFIG_FILE}; the service units set it to
 * {@code /etc/swarmdrop/daemon.properties}). Its settings rank above {@code application.properties}
 * and below system properties and environment variables. A file that is named but missing or
 * invalid stops the daemon with every problem listed.
 */
public class ConfigFileSource implements ConfigSourceFactory {

    /** Between application.properties (250) and environment variables (300). */
    private static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue name = context.getValue("swarmdrop.daemon.config-file");
        if (name == null || name.getValue() == null || name.getValue().isBlank()) {
            return List.of();
        }
        Path file = Path.of(name.getValue());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's config file " + file, e);
        }
        return List.of(new PropertiesConfigSource(ConfigFile.parse(text, file), "config file " + file, ORDINAL));
    }
}
