package io.swarmdrop.core.directory;

import java.time.Instant;

public record GroupRecord(String description, Instant createdAt) {}
