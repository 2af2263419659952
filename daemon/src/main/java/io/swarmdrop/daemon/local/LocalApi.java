package io.swarmdrop.daemon.local;

import io.quarkus.vertx.http.HttpServerStart;
import io.swarmdrop.core.net.Hosts;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.daemon.Folders;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daemon's local API ({@code /local/**}, on loopback only) is for the user who runs it: each
 * start writes a fresh random token and the API's URL to {@code <root>/.swarmdrop/local-api}
 * (readable by the owner and the owner's group), and every call must carry that token. The
 * {@code swarmdrop} command reads the file; other users cannot. On a desktop the group is the user's
 * own; the service of the .deb runs as {@code swarmdrop}, whose group IT gives to who may use it.
 */
@Singleton
public class LocalApi {

    public static final String FILE = "local-api";

    private final String token = Secrets.newSecret();
    private final Path file;
    private final int port;

    private final String host;

    LocalApi(
            Folders folders,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") String host,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        this.file = folders.root().resolve(".swarmdrop").resolve(FILE);
        this.host = Hosts.isWildcard(host) ? "127.0.0.1" : Hosts.forUrl(host);
        this.port = port;
    }

    /**
     * Written once the HTTP server listens, not at startup: a command that finds the file must find
     * the API answering (StartupEvent comes before the server binds, and a slow start showed it). Quarkus fires
     * this event asynchronously..
     */
    void onListening(@ObservesAsync HttpServerStart event) {
        if (event.options().isSsl()) {
            return;
        }
        String content = "url=http://" + host + ":" + port + "\ntoken=" + token + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(
                    file.getParent(),
                    FILE,
                    ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local API token to " + file, e);
        }
    }

    boolean accepts(String bearer) {
        return bearer != null
                && MessageDigest.isEqual(
                        bearer.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
