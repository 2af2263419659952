package io.swarmdrop.core.directory;

import java.time.Instant;

/**
 * A group as stored in ZooKeeper.
 *
 * @param policy the group's policy in its text form (see the policies module); blank for the default
 */
public record GroupRecord(String description, Instant createdAt, String policy) {

    public GroupRecord withDescription(String newDescription) {
        return new GroupRecord(newDescription, createdAt, policy);
    }

    public GroupRecord withPolicy(String newPolicy) {
        return new GroupRecord(description, createdAt, newPolicy);
    }
}
