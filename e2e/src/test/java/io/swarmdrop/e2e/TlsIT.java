package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.core.cluster.ClusterClient;
import io.swarmdrop.core.cluster.ClusterCredentials;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.security.ClusterCa;
import io.swarmdrop.core.security.PasswordHasher;
import io.swarmdrop.core.security.Tls;
import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.TestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Findings A5 and A9 on real processes: the supernode serves HTTPS only, with a certificate of the
 * cluster CA; its {@code /cluster} API admits a supernode's certificate and no passkey; a daemon
 * that does not trust the supernode's certificate stops (exit 78) without enrolling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsIT {

    private final Path folder =
            Path.of("target", "e2e", "tls-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;
    private int port;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("mallory", "mallory-password");
        cluster.createUser("trudy", "trudy-password");
        port = URI.create(cluster.url()).getPort();
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    private HttpResponse<String> get(SSLContext tls, String scheme, String path, String bearer)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            client.sslContext(tls);
        }
        return client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswersOnlyOverHttpsWithACertificateOfTheClusterCa() throws Exception {
        List<java.security.cert.X509Certificate> ca = List.of(TestCluster.ca().certificate());
        assertThat(get(Tls.trusting(ca), "https", "/api/ping", null).statusCode())
                .isEqualTo(204);

        assertThatThrownBy(() -> get(null, "http", "/api/ping", null))
                .as("no plain HTTP on the port")
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(SSLContext.getDefault(), "https", "/api/ping", null))
                .as("a client that trusts only the public CAs does not go on")
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);

        Path server = folder.resolve("supernode/tls/server.crt");
        assertThat(ClusterCa.subjectNames(ClusterCa.readCertificates(server).get(0)))
                .contains("127.0.0.1", "localhost");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(folder.resolve("supernode/tls/server.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theClusterApiTakesASupernodeCertificateAndNoLongerAPasskey() throws Exception {
        ClusterCa ca = TestCluster.ca();
        var trusted = List.of(ca.certificate());
        Path certs = Files.createDirectories(folder.resolve("clients"));

        ca.ensureServerCertificate("supernode", Set.of("127.0.0.1"), certs.resolve("sn.crt"), certs.resolve("sn.key"));
        var supernode = Tls.withClientCertificate(trusted, certs.resolve("sn.crt"), certs.resolve("sn.key"));
        assertThat(get(supernode, "https", "/cluster/publications/no-such-id/torrent", null)
                        .statusCode())
                .as("past authentication: the publication is unknown")
                .isEqualTo(404);

        ca.ensureServerCertificate("console", Set.of("127.0.0.1"), certs.resolve("c.crt"), certs.resolve("c.key"));
        var console = Tls.withClientCertificate(trusted, certs.resolve("c.crt"), certs.resolve("c.key"));
        assertThat(get(console, "https", "/cluster/publications/no-such-id/torrent", null)
                        .statusCode())
                .as("a console's certificate is not a supernode's")
                .isEqualTo(401);

        String devicePasskey = TestCluster.JSON
                .readTree(cluster.login("mallory", "mallory-password", "laptop").body())
                .get("passkey")
                .asText();
        assertThat(get(Tls.trusting(trusted), "https", "/cluster/publications/no-such-id/torrent", devicePasskey)
                        .statusCode())
                .as("a bearer passkey without a certificate")
                .isEqualTo(401);
    }

    @Test
    void aDaemonThatDoesNotTrustTheSupernodesCertificateStopsWithoutEnrolling() throws Exception {
        Path otherCa = folder.resolve("other-ca/ca.crt");
        ClusterCa.loadOrCreate(otherCa, folder.resolve("other-ca/ca.key"));
        DaemonProcess misled = cluster.daemon("trudy", "trudy-password")
                .with("swarmdrop.daemon.trust-ca", otherCa.toString())
                .startNoWait();

        await("the daemon stops").atMost(Duration.ofMinutes(1)).until(() -> !misled.isAlive());
        assertThat(misled.exitCode())
                .as("EX_CONFIG: a restart would meet the same certificate")
                .isEqualTo(78);
        assertThat(Files.readString(misled.log()))
                .contains("presented a certificate this daemon does not trust")
                .contains("nothing was sent to it");
        assertThat(Files.readString(cluster.supernode().log()))
                .as("the supernode saw no enrolment")
                .doesNotContain("[user=trudy]");
    }

    /**
     * Finding A9, its other half: a daemon whose token is refused (its device revoked) used to log
     * in again by itself with the configured password, undoing the revocation and handing the
     * password to whatever answered 401. It now waits for a person to enrol it again.
     */
    @Test
    void aRevokedDeviceDoesNotEnrolAgainWithItsConfiguredPassword() throws Exception {
        cluster.createUser("victor", "victor-password");
        cluster.createGroup("revocation", "victor");
        DaemonProcess daemon = cluster.daemon("victor", "victor-password").start();
        String device = daemon.status().get("device").asText();

        var credentials = ClusterCredentials.read(folder.resolve("supernode/zookeeper-credentials"));
        try (var curator = ClusterClient.connect(cluster.zookeeperConnect(), 10_000, credentials)) {
            new Directory(curator, new PasswordHasher(1_000), Clock.systemUTC()).revokeDevice("victor", device);
        }

        await("the daemon gives up its enrolment and asks for a person")
                .atMost(Duration.ofMinutes(1))
                .until(() -> Files.readString(daemon.log()).contains("enrol it again with: swarmdrop enrol"));
        assertThat(Files.readString(cluster.supernode().log()).split("\\[user=victor\\] enrolled device", -1))
                .as("one enrolment, the first")
                .hasSize(2);
        assertThat(daemon.isAlive())
                .as("it keeps running, for LAN mode and the command")
                .isTrue();
        daemon.stop();
    }
}
