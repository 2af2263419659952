package io.swarmdrop.core.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.swarmdrop.core.security.ClusterCa;
import io.swarmdrop.core.security.Tls;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding A9: a daemon sends its password or token only to a supernode whose certificate chains to
 * the cluster CA it trusts. The server here is a stand-in that records every request it gets and
 * presents a certificate of the cluster CA or of an impostor's.
 */
class SupernodeTrustTest {

    @TempDir
    Path folder;

    private ClusterCa cluster;
    private ClusterCa impostor;
    private HttpsServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void cas() {
        cluster = ClusterCa.loadOrCreate(folder.resolve("cluster/ca.crt"), folder.resolve("cluster/ca.key"));
        impostor = ClusterCa.loadOrCreate(folder.resolve("impostor/ca.crt"), folder.resolve("impostor/ca.key"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code /api/ping} and {@code /api/login} with a server certificate of {@code ca}; returns its URL. */
    private String serveWith(ClusterCa ca) throws Exception {
        Path cert = folder.resolve("server.crt");
        Path key = folder.resolve("server.key");
        ca.ensureServerCertificate("supernode", Set.of("127.0.0.1"), cert, key);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(
                new HttpsConfigurator(Tls.withClientCertificate(List.of(ca.certificate()), cert, key)));
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private SupernodeTrust trustingTheClusterCa() {
        return new SupernodeTrust(Optional.of(folder.resolve("cluster/ca.crt")), Optional.empty());
    }

    @Test
    void anImpostorsCertificateStopsTheLoginBeforeThePasswordIsSent() throws Exception {
        String url = serveWith(impostor);
        var client = new SupernodeClient(url, () -> "device-token", trustingTheClusterCa());

        assertThatThrownBy(() -> client.login("alice", "alice-password", "laptop"))
                .isInstanceOf(UntrustedSupernodeException.class)
                .hasMessageContaining("does not trust")
                .hasMessageContaining("trust-ca");
        assertThatThrownBy(() -> SupernodeClient.roundTrip(url, 1, trustingTheClusterCa()))
                .isInstanceOf(UntrustedSupernodeException.class);
        assertThatThrownBy(client::me).isInstanceOf(UntrustedSupernodeException.class);
        assertThat(received).as("the impostor heard nothing").isEmpty();
    }

    @Test
    void theClusterCasCertificateIsTrustedAndTheCallGoesThrough() throws Exception {
        String url = serveWith(cluster);

        assertThat(SupernodeClient.roundTrip(url, 1, trustingTheClusterCa())).isPresent();
        assertThat(received).containsExactly("/api/ping ");
    }

    @Test
    void aFingerprintPinsTheCaAtFirstContactAndAWrongOneSendsNothing() throws Exception {
        String url = serveWith(cluster);
        String fingerprint = ClusterCa.fingerprint(cluster.certificate());

        var pinned = new SupernodeTrust(Optional.empty(), Optional.of(fingerprint.toLowerCase()));
        assertThat(SupernodeClient.roundTrip(url, 1, pinned)).isPresent();

        String wrong = ClusterCa.fingerprint(impostor.certificate());
        var misled = new SupernodeTrust(Optional.empty(), Optional.of(wrong));
        assertThatThrownBy(() -> new SupernodeClient(url, () -> "t", misled).login("alice", "alice-password", "x"))
                .isInstanceOf(UntrustedSupernodeException.class)
                .hasMessageContaining("fingerprint");
        assertThat(received).containsExactly("/api/ping ");
    }

    @Test
    void withNothingPinnedOnlyPublicCasAreTrustedSoAPrivateCaIsRefused() throws Exception {
        String url = serveWith(cluster);

        assertThatThrownBy(() -> SupernodeClient.roundTrip(url, 1, SupernodeTrust.publicCas()))
                .isInstanceOf(UntrustedSupernodeException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void plainHttpIsRefusedOffThisHost() {
        assertThatThrownBy(() -> SupernodeTrust.requireSecure("http://sn1.example.org:8080"))
                .isInstanceOf(UntrustedSupernodeException.class)
                .hasMessageContaining("in the clear");
        SupernodeTrust.requireSecure("http://127.0.0.1:8080");
        SupernodeTrust.requireSecure("https://sn1.example.org");
    }
}
