package io.swarmdrop.core.cluster;

/** A user, group or zone name outside the allowed alphabet. */
public final class InvalidNameException extends RuntimeException {
    public InvalidNameException(String kind, String name) {
        super("invalid " + kind + " name '" + name
                + "': use 1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
    }
}
