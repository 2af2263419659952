package io.swarmdrop.supernode.access;

import io.quarkus.runtime.Startup;
import io.swarmdrop.core.security.SecretFiles;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.SupernodeConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        boolean generated = !Files.exists(file);
        String token = SecretFiles.readOrCreate(file, Secrets::newSecret);
        if (generated) {
            LOG.infof("generated the admin API token in %s", file.toAbsolutePath());
        }
        return token;
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
