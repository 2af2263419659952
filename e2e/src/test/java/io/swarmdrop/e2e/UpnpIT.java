package io.swarmdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.testing.DaemonProcess;
import io.swarmdrop.testing.TestCluster;
import io.swarmdrop.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 2: a daemon process maps its BitTorrent port on a real UPnP gateway on this host
 * (served by jupnp in the test), renews the lease, says so in {@code swarmdrop status}, and removes
 * the mapping when it stops.
 */
class UpnpIT {

    private final Path folder =
            Path.of("target", "e2e", "upnp-" + System.nanoTime()).toAbsolutePath();
    private TestCluster cluster;

    @AfterEach
    void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theDaemonMapsItsPortRenewsTheLeaseAndRemovesTheMappingWhenItStops() throws Exception {
        cluster = new TestCluster(folder).startSupernode();
        cluster.createUser("alice", "alice-password");
        cluster.createGroup("design", "alice");
        try (var gateway = TestGateway.start()) {
            DaemonProcess alice = cluster.daemon("alice", "alice-password")
                    .with("swarmdrop.daemon.upnp.enabled", "true")
                    .with("swarmdrop.daemon.upnp.lease", "4s")
                    .start();
            int port = alice.torrentPort;

            await("the mapping on the router").atMost(Duration.ofSeconds(60)).until(() -> gateway.mappings()
                    .containsKey(port));
            TestGateway.Mapping mapping = gateway.mappings().get(port);
            assertThat(mapping.internalPort()).isEqualTo(port);
            assertThat(mapping.protocol()).isEqualTo("TCP");
            assertThat(mapping.leaseSeconds()).isEqualTo(4);
            assertThat(mapping.description()).isEqualTo("Swarmdrop");

            await("the status says so")
                    .atMost(Duration.ofSeconds(30))
                    .until(() ->
                            alice.status().path("upnp").path("state").asText().equals("MAPPED"));
            String status = alice.command("status").out();
            assertThat(status)
                    .contains("upnp:       port " + port + " mapped on Swarmdrop test router (external address "
                            + TestGateway.EXTERNAL_ADDRESS + ", lease 4 s)");

            await("two renewals at half the lease")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> gateway.adds(port) >= 3);

            alice.stop();
            assertThat(gateway.mappings()).as("removed on stop").doesNotContainKey(port);
        }
    }
}
