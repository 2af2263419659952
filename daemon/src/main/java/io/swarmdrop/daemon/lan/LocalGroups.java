package io.swarmdrop.daemon.lan;

import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.daemon.config.ConfigFile;
import io.swarmdrop.daemon.config.LocalGroupKeys;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * Groups defined on this device only ({@code lan-group.<name> = <key>} in the config file), shared
 * over the LAN without supernodes: whoever holds a group's key is a member.
 */
@Singleton
public class LocalGroups {

    private final Map<String, GroupKey> keys = new TreeMap<>();

    @Inject
    LocalGroups(Config config) {
        this(ConfigFile.propertiesUnder(config, LocalGroupKeys.PREFIX));
    }

    public LocalGroups(Map<String, String> encodedKeys) {
        encodedKeys.forEach((name, encoded) -> keys.put(
                Names.requireValid("local group", name), new GroupKey(name, LocalGroupKeys.decode(name, encoded))));
    }

    public Set<String> names() {
        return keys.keySet();
    }

    public boolean contains(String group) {
        return keys.containsKey(group);
    }

    GroupKey key(String group) {
        return keys.get(group);
    }

    java.util.Collection<GroupKey> keys() {
        return keys.values();
    }
}
