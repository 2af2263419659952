package io.swarmdrop.supernode.cluster;

import io.quarkus.runtime.LaunchMode;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.SupernodeConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who this supernode is: its node id (kept across restarts), zone, public URL and tracker passkey. */
@Singleton
public class NodeIdentity {

    private final String node;
    private final String zone;
    private final String publicUrl;
    private final String localUrl;
    private final String passkey = Secrets.newSecret();

    NodeIdentity(
            SupernodeConfig config,
            @ConfigProperty(name = "quarkus.http.port") int httpPort,
            @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort) {
        this.zone = Names.requireValid("zone", config.zone());
        this.node =
                Names.requireValid("node", config.nodeId().orElseGet(() -> storedNodeId(Path.of(config.dataDir()))));
        this.localUrl = "http://127.0.0.1:" + (LaunchMode.current() == LaunchMode.TEST ? testPort : httpPort);
        this.publicUrl = config.publicUrl().orElse(localUrl);
    }

    private static String storedNodeId(Path dataDir) {
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            String id = "sn-" + Secrets.newId().substring(0, 8);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }

    public String node() {
        return node;
    }

    public String zone() {
        return zone;
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** The tracker URL this supernode's own torrent session announces to. */
    public String ownTrackerUrl() {
        return localUrl + "/announce?pk=" + passkey;
    }

    /** The announce URL, with this supernode's passkey, of the supernode whose API is at {@code apiUrl}. */
    public String trackerUrl(String apiUrl) {
        return (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/") + "announce?pk=" + passkey;
    }

    /** What this supernode shows other supernodes to call their {@code /cluster} API. */
    public String passkey() {
        return passkey;
    }

    public String passkeyHash() {
        return Secrets.hash(passkey);
    }
}
