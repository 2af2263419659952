package io.swarmdrop.daemon.upnp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmdrop.core.api.LocalStatus;
import io.swarmdrop.testing.TestGateway;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link PortMapper} against a real gateway on this host: SSDP discovery, SOAP calls, renewal, removal. */
class PortMapperTest {

    private static final Duration FOUND_WITHIN = Duration.ofSeconds(30);

    @Test
    void mapsTheListenPortRenewsItAndRemovesItOnClose() throws Exception {
        try (var gateway = TestGateway.start()) {
            var mapper = new PortMapper(46881, Duration.ofSeconds(2), "Swarmdrop test", Clock.systemUTC());
            try {
                mapper.start();
                await().atMost(FOUND_WITHIN).until(() -> mapper.status().state() == LocalStatus.Upnp.State.MAPPED);

                TestGateway.Mapping mapping = gateway.mappings().get(46881);
                assertThat(mapping.internalPort()).isEqualTo(46881);
                assertThat(mapping.protocol()).isEqualTo("TCP");
                assertThat(mapping.leaseSeconds()).isEqualTo(2);
                assertThat(mapping.description()).isEqualTo("Swarmdrop test");
                assertThat(mapping.internalClient()).isNotBlank();
                assertThat(mapper.status().externalAddress()).isEqualTo(TestGateway.EXTERNAL_ADDRESS);
                assertThat(mapper.status().gateway()).isEqualTo("Swarmdrop test router");

                // Renewed at half the lease: at least two more adds of the same mapping.
                await().atMost(Duration.ofSeconds(15)).until(() -> gateway.adds(46881) >= 3);
            } finally {
                mapper.close();
            }
            assertThat(gateway.mappings()).doesNotContainKey(46881);
            assertThat(mapper.status().state()).isEqualTo(LocalStatus.Upnp.State.OFF);
        }
    }

    @Test
    void asksForAPermanentMappingWhenTheGatewayTakesNoLeases() throws Exception {
        try (var gateway = TestGateway.startPermanentOnly()) {
            var mapper = new PortMapper(46882, Duration.ofHours(1), "Swarmdrop test", Clock.systemUTC());
            try {
                mapper.start();
                await().atMost(FOUND_WITHIN).until(() -> mapper.status().state() == LocalStatus.Upnp.State.MAPPED);
                assertThat(gateway.mappings().get(46882).leaseSeconds()).isZero();
                assertThat(mapper.status().leaseSeconds()).isZero();
            } finally {
                mapper.close();
            }
            assertThat(gateway.mappings()).doesNotContainKey(46882);
        }
    }
}
