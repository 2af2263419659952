package io.swarmdrop.daemon.config;

import java.util.Base64;

/**
 * How a local group's key is written in the config file ({@code lan-group.<name> = <base64 key>}):
 * checked here, where the file is read and written, and used by the LAN route.
 */
public final class LocalGroupKeys {

    /** 128 bits: a key shorter than that is refused. */
    public static final int MIN_KEY_BYTES = 16;

    /** Outside {@code swarmdrop.daemon.*}, whose mapping refuses keys it does not declare. */
    public static final String PREFIX = "swarmdrop.lan-groups.";

    private LocalGroupKeys() {}

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
}
