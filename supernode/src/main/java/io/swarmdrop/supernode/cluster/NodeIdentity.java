package io.swarmdrop.supernode.cluster;

import io.quarkus.runtime.LaunchMode;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.net.Hosts;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.SupernodeConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who this supernode is: its node id (kept across restarts), zone, the addresses it advertises and
 * its tracker passkey.
 */
@Singleton
public class NodeIdentity {

    private final String node;
    private final String zone;
    private final AdvertisedAddresses addresses;
    private final String passkey = Secrets.newSecret();

    NodeIdentity(
            SupernodeConfig config,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String httpHost,
            @ConfigProperty(name = "quarkus.http.port") int httpPort,
            @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort) {
        this.zone = Names.requireValid("zone", config.zone());
        this.node =
                Names.requireValid("node", config.nodeId().orElseGet(() -> storedNodeId(Path.of(config.dataDir()))));
        this.addresses = AdvertisedAddresses.from(
                config.tls().enabled() ? "https" : "http",
                config.publicUrl(),
                httpHost,
                LaunchMode.current() == LaunchMode.TEST ? testPort : httpPort,
                config.torrent().advertisedHost(),
                config.torrent().host(),
                config.torrent().advertisedPort());
        if (!config.tls().enabled() && LaunchMode.current() != LaunchMode.TEST) {
            requireLoopbackWithoutTls(httpHost, addresses.publicUrl());
        }
    }

    /**
     * Plain HTTP carries passwords, tokens and passkeys in the clear (finding A5): it is for a
     * supernode that only its own host reaches.
     */
    static void requireLoopbackWithoutTls(String httpHost, String publicUrl) {
        if (!Hosts.isLoopback(httpHost) || !Hosts.isLoopback(Hosts.hostOf(publicUrl))) {
            throw new IllegalArgumentException("swarmdrop.supernode.tls.enabled=false serves passwords and tokens"
                    + " in the clear, so it is allowed only with quarkus.http.host and the public URL on loopback"
                    + " (they are " + httpHost + " and " + publicUrl + "); turn TLS back on");
        }
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
        return addresses.publicUrl();
    }

    public AdvertisedAddresses addresses() {
        return addresses;
    }

    /** The tracker URL this supernode's own torrent session announces to (see {@link AdvertisedAddresses#selfUrl}). */
    public String ownTrackerUrl() {
        return addresses.selfUrl() + "/announce";
    }

    /** The announce URL of the supernode whose API is at {@code apiUrl}; the passkey goes in a header. */
    public String trackerUrl(String apiUrl) {
        return (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/") + "announce";
    }

    /** What this supernode shows other supernodes to call their {@code /cluster} API. */
    public String passkey() {
        return passkey;
    }

    public String passkeyHash() {
        return Secrets.hash(passkey);
    }
}
