package io.swarmdrop.core.cluster;

import io.swarmdrop.core.security.SecretFiles;
import io.swarmdrop.core.security.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * The ZooKeeper identity of Swarmdrop's own processes (supernodes and the console), in ZooKeeper's
 * digest scheme, and the ACL that admits that identity alone. Kept in a file of one line,
 * {@code user:password}, owner-only, as a Kubernetes Secret would mount it.
 */
public record ClusterCredentials(String user, String password) {

    public static final String USER = "swarmdrop";

    /** The ZooKeeper authentication scheme used. */
    public static final String SCHEME = "digest";

    public ClusterCredentials {
        if (user.isEmpty() || user.contains(":") || password.isEmpty()) {
            throw new IllegalArgumentException("ZooKeeper credentials must read user:password");
        }
    }

    /** The credentials in {@code file}; fails with what to do when it is missing or malformed. */
    public static ClusterCredentials read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no ZooKeeper credentials at " + file.toAbsolutePath()
                    + ": copy the cluster's file (the first supernode writes it into its data folder) or mount it");
        }
        return parse(file, SecretFiles.read(file));
    }

    /** The credentials in {@code file}, generated (a random password) into it when absent. */
    public static ClusterCredentials readOrCreate(Path file) {
        return parse(file, SecretFiles.readOrCreate(file, () -> USER + ":" + Secrets.newSecret()));
    }

    private static ClusterCredentials parse(Path file, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            throw new IllegalStateException(
                    "ZooKeeper credentials at " + file.toAbsolutePath() + " must be one line, user:password");
        }
        return new ClusterCredentials(line.substring(0, colon), line.substring(colon + 1));
    }

    /** What a client passes to ZooKeeper's {@code addAuthInfo}. */
    public byte[] auth() {
        return (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    /** Full rights for this identity and nothing for anyone else. */
    public List<ACL> acl() {
        try {
            String digest = DigestAuthenticationProvider.generateDigest(user + ":" + password);
            // Mutable on purpose: ZooKeeper's ACL check asks the list whether it contains null,
            // which an immutable List.of answers with a NullPointerException.
            return new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id(SCHEME, digest))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ClusterCredentials[" + user + ":***]";
    }
}
