package io.swarmdrop.core.directory;

import java.time.Instant;

/** An enrolled device. Its token and passkey are kept only as hashes, so revocation can find their lookup nodes. */
public record DeviceRecord(String hostname, String tokenHash, String passkeyHash, Instant enrolledAt) {}
