package io.swarmdrop.core.directory;

import java.time.Instant;
import java.util.List;

/**
 * An enrolled device. Its token and passkey are kept only as hashes, so revocation can find their lookup nodes.
 *
 * @param lastContact when it last opened its push channel (null before the first time)
 * @param problems what the device reported it cannot do on its own (a file it could not publish,
 *     a fetch waiting for disk space), newest report only; null or empty when it reported none
 */
public record DeviceRecord(
        String hostname,
        String tokenHash,
        String passkeyHash,
        Instant enrolledAt,
        Instant lastContact,
        List<String> problems) {

    /** At most this many problems are kept per device, each at most {@link #MAX_PROBLEM} characters. */
    public static final int MAX_PROBLEMS = 20;

    public static final int MAX_PROBLEM = 500;

    public DeviceRecord {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public DeviceRecord withLastContact(Instant at) {
        return new DeviceRecord(hostname, tokenHash, passkeyHash, enrolledAt, at, problems);
    }

    public DeviceRecord withProblems(List<String> reported) {
        return new DeviceRecord(hostname, tokenHash, passkeyHash, enrolledAt, lastContact, reported);
    }
}
