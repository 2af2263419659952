package io.swarmdrop.core.security;

import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Settings whose values are files a running app generates (a key, a certificate): computed once,
 * on the first read by the running app and never while the build reads configuration, which must
 * not write secrets into the folder it happens to run in. Ordinal 275: above
 * {@code application.properties}, below environment variables and system properties, so an
 * operator's explicit setting still wins.
 */
public final class GeneratedSettings implements ConfigSource {

    private final String name;
    private final Set<String> names;
    private final BooleanSupplier running;
    private final Supplier<Map<String, String>> generate;
    private volatile Map<String, String> values;

    /**
     * @param names every setting {@code generate} may give
     * @param running false while the build reads configuration
     */
    public GeneratedSettings(
            String name, Set<String> names, BooleanSupplier running, Supplier<Map<String, String>> generate) {
        this.name = name;
        this.names = Set.copyOf(names);
        this.running = running;
        this.generate = generate;
    }

    @Override
    public Set<String> getPropertyNames() {
        return names;
    }

    @Override
    public Map<String, String> getProperties() {
        return running.getAsBoolean() ? values() : Map.of();
    }

    @Override
    public String getValue(String property) {
        if (!names.contains(property) || !running.getAsBoolean()) {
            return null;
        }
        return values().get(property);
    }

    private Map<String, String> values() {
        if (values == null) {
            synchronized (this) {
                if (values == null) {
                    values = Map.copyOf(generate.get());
                }
            }
        }
        return values;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
