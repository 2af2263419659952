package io.swarmdrop.daemon.lan;

import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.daemon.config.ConfigFile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Base64;
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

    /** 128 bits: a key shorter than that is refused. */
    public static final int MIN_KEY_BYTES = 16;

    private final Map<String, byte[]> keys = new TreeMap<>();

    /** Outside {@code swarmdrop.daemon.*}, whose mapping refuses keys it does not declare. */
    public static final String PREFIX = "swarmdrop.lan-groups.";

    @Inject
    LocalGroups(Config config) {
        this(ConfigFile.propertiesUnder(config, PREFIX));
    }

    public LocalGroups(Map<String, String> encodedKeys) {
        encodedKeys.forEach(
                (name, encoded) -> keys.put(Names.requireValid("local group", name), decode(name, encoded)));
    }

    /** The key as bytes; throws {@link IllegalArgumentException} naming the group when it is unusable. */
    public static byte[] decode(String group, String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key of local group '" + group + "' is not base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the key of local group '" + group + "' has " + key.length
                    + " bytes; it needs at least " + MIN_KEY_BYTES + " (for example: openssl rand -base64 32)");
        }
        return key;
    }

    public Set<String> names() {
        return keys.keySet();
    }

    public boolean contains(String group) {
        return keys.containsKey(group);
    }

    byte[] key(String group) {
        return keys.get(group);
    }
}
