package io.swarmdrop.core.cluster;

import java.util.regex.Pattern;

/**
 * Names of users, groups and zones: they are ZooKeeper path segments and workstation folder names,
 * so they are kept to a portable lowercase alphabet.
 */
public final class Names {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Names() {}

    public static String requireValid(String kind, String name) {
        if (name == null || !VALID.matcher(name).matches() || name.endsWith(".")) {
            throw new InvalidNameException(kind, name);
        }
        return name;
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !name.endsWith(".");
    }
}
