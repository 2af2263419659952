package io.swarmdrop.core.directory;

import java.time.Instant;

/** A user as stored in ZooKeeper; the password only as a slow salted hash. */
public record UserRecord(String displayName, String passwordHash, boolean disabled, Instant createdAt) {

    public UserRecord withDisabled(boolean value) {
        return new UserRecord(displayName, passwordHash, value, createdAt);
    }

    public UserRecord withPasswordHash(String hash) {
        return new UserRecord(displayName, hash, disabled, createdAt);
    }
}
