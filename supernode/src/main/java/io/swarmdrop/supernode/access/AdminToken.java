package io.swarmdrop.supernode.access;

import io.quarkus.runtime.Startup;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.SupernodeConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

/**
 * The bearer token of the admin API: configured, or generated once into {@code <data-dir>/admin-token}
 * with owner-only permissions, so a fresh supernode is never open to anyone.
 */
@Startup
@Singleton
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);

    private final byte[] token;

    AdminToken(SupernodeConfig config) {
        this.token = config.adminToken()
                .orElseGet(() -> stored(Path.of(config.dataDir(), "admin-token")))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String stored(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            String token = Secrets.newSecret();
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the folder's own permissions protect it.
            }
            LOG.infof("generated the admin API token in %s", file.toAbsolutePath());
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin token in " + file, e);
        }
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
