package io.swarmdrop.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCaTest {

    @TempDir
    Path folder;

    @Test
    void theCaIsCreatedOnceWithAnOwnerOnlyKeyAndReadBackTheSame() throws Exception {
        ClusterCa created = ClusterCa.loadOrCreate(folder.resolve("ca.crt"), folder.resolve("ca.key"));
        ClusterCa loaded = ClusterCa.loadOrCreate(folder.resolve("ca.crt"), folder.resolve("ca.key"));

        assertThat(loaded.certificate()).isEqualTo(created.certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("ca.key"))))
                .isEqualTo("rw-------");
        assertThat(created.certificate().getBasicConstraints()).isZero();
        assertThat(ClusterCa.fingerprint(created.certificate())).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(ClusterCa.sameFingerprint(
                        ClusterCa.fingerprint(created.certificate())
                                .replace(":", "")
                                .toLowerCase(),
                        created.certificate()))
                .isTrue();
    }

    @Test
    void aServerCertificateIsIssuedAgainOnlyForNewNamesOrAnotherCa() throws Exception {
        ClusterCa ca = ClusterCa.loadOrCreate(folder.resolve("ca.crt"), folder.resolve("ca.key"));
        Path cert = folder.resolve("server.crt");
        Path key = folder.resolve("server.key");

        assertThat(ca.ensureServerCertificate("supernode:sn1", Set.of("localhost", "127.0.0.1", "::1"), cert, key))
                .isTrue();
        assertThat(ca.ensureServerCertificate("supernode:sn1", Set.of("LOCALHOST", "127.0.0.1"), cert, key))
                .isFalse();
        assertThat(ClusterCa.subjectNames(ClusterCa.readCertificates(cert).get(0)))
                .contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(ClusterCa.readCertificates(cert)).hasSize(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");

        assertThat(ca.ensureServerCertificate("supernode:sn1", Set.of("sn1.example.org"), cert, key))
                .isTrue();
        ClusterCa other = ClusterCa.loadOrCreate(folder.resolve("other/ca.crt"), folder.resolve("other/ca.key"));
        assertThat(other.ensureServerCertificate("supernode:sn1", Set.of("sn1.example.org"), cert, key))
                .as("a certificate of another CA is replaced")
                .isTrue();
    }

    @Test
    void aCaCertificateWithoutItsKeyIsRefusedWithWhatToDo() throws Exception {
        ClusterCa.loadOrCreate(folder.resolve("ca.crt"), folder.resolve("ca.key"));
        Files.delete(folder.resolve("ca.key"));

        assertThatThrownBy(() -> ClusterCa.loadOrCreate(folder.resolve("ca.crt"), folder.resolve("ca.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copy both files");
    }

    @Test
    void aClientTrustingTheCaReachesItsServerAndAClientOfAnotherCaDoesNot() throws Exception {
        ClusterCa ca = ClusterCa.loadOrCreate(folder.resolve("ca.crt"), folder.resolve("ca.key"));
        ClusterCa stranger =
                ClusterCa.loadOrCreate(folder.resolve("stranger/ca.crt"), folder.resolve("stranger/ca.key"));
        ca.ensureServerCertificate("server", Set.of("127.0.0.1"), folder.resolve("s.crt"), folder.resolve("s.key"));
        var requests = new AtomicInteger();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(Tls.withClientCertificate(
                List.of(ca.certificate()), folder.resolve("s.crt"), folder.resolve("s.key"))));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/secret");
            var request = HttpRequest.newBuilder(uri).GET().build();

            var trusting = HttpClient.newBuilder()
                    .sslContext(Tls.trusting(List.of(ca.certificate())))
                    .build();
            assertThat(trusting.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(204);

            var misled = HttpClient.newBuilder()
                    .sslContext(Tls.trusting(List.of(stranger.certificate())))
                    .build();
            assertThatThrownBy(() -> misled.send(request, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(requests).as("the untrusting client sent no request").hasValue(1);
        } finally {
            server.stop(0);
        }
    }
}
