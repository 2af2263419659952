package io.swarmdrop.core.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.swarmdrop.core.net.Hosts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Serves an app's HTTP API over HTTPS only, on {@code quarkus.http.port}, with the files of
 * {@link HttpsListener}; off when {@code <prefix>.tls.enabled=false}. The names in the issued
 * certificate come from {@code quarkus.http.host}, the host of {@code <prefix>.public-url}, the
 * settings a subclass names and {@code <prefix>.tls.names}.
 */
public abstract class HttpsSettings implements ConfigSourceFactory {

    private static final Set<String> SETTINGS = Set.of(
            "quarkus.http.insecure-requests",
            "quarkus.http.ssl-port",
            "quarkus.http.test-ssl-port",
            "quarkus.tls.key-store.pem.0.cert",
            "quarkus.tls.key-store.pem.0.key",
            "quarkus.tls.trust-store.pem.certs");

    private final String prefix;
    private final String defaultDataDir;
    private final String commonName;
    private final List<String> hostSettings;

    /**
     * @param hostSettings more settings whose values name this host (an advertised address)
     */
    protected HttpsSettings(String prefix, String defaultDataDir, String commonName, List<String> hostSettings) {
        this.prefix = prefix;
        this.defaultDataDir = defaultDataDir;
        this.commonName = commonName;
        this.hostSettings = List.copyOf(hostSettings);
    }

    /** False while the build reads configuration (Quarkus' ExecutionMode UNSET). */
    protected abstract boolean running();

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (value(context, prefix + ".tls.enabled")
                .map(String::trim)
                .orElse("true")
                .equalsIgnoreCase("false")) {
            return List.of();
        }
        return List.of(new GeneratedSettings(
                prefix + "-tls",
                SETTINGS,
                this::running,
                () -> HttpsListener.quarkusSettings(
                        HttpsListener.prepare(
                                name -> value(context, name), prefix, defaultDataDir, commonName, names(context)),
                        value(context, "quarkus.http.port").orElse("8080"),
                        value(context, "quarkus.http.test-port").orElse("8081"))));
    }

    private Set<String> names(ConfigSourceContext context) {
        var names = new TreeSet<String>();
        value(context, "quarkus.http.host").ifPresent(names::add);
        value(context, prefix + ".public-url").map(Hosts::hostOf).ifPresent(names::add);
        hostSettings.forEach(setting -> value(context, setting).ifPresent(names::add));
        value(context, prefix + ".tls.names").ifPresent(list -> {
            for (String name : list.split(",")) {
                names.add(name.trim());
            }
        });
        return names;
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? Optional.empty() : Optional.of(value.getValue());
    }
}
