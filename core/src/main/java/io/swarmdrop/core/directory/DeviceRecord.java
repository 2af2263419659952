package io.swarmdrop.core.directory;

import java.time.Instant;

/**
 * An enrolled device. Its token and passkey are kept only as hashes, so revocation can find their lookup nodes.
 *
 * @param lastContact when it last opened its push channel (null before the first time)
 */
public record DeviceRecord(
        String hostname, String tokenHash, String passkeyHash, Instant enrolledAt, Instant lastContact) {

    public DeviceRecord withLastContact(Instant at) {
        return new DeviceRecord(hostname, tokenHash, passkeyHash, enrolledAt, at);
    }
}
