package io.swarmdrop.supernode.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmdrop.core.cluster.SupernodeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13: what a supernode advertises, for each way an operator sets it up. */
class AdvertisedAddressesTest {

    private static AdvertisedAddresses of(
            String publicUrl, String httpHost, String advertisedHost, String torrentHost, Integer advertisedPort) {
        return AdvertisedAddresses.from(
                "http",
                Optional.ofNullable(publicUrl),
                httpHost,
                8080,
                Optional.ofNullable(advertisedHost),
                torrentHost,
                Optional.ofNullable(advertisedPort));
    }

    @Test
    void theOneHostDefaultIsLoopbackAndAnnouncesToItselfOverLoopback() {
        var addresses = of(null, "0.0.0.0", null, "0.0.0.0", null);

        assertThat(addresses.publicUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(addresses.selfUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(addresses.peerHost()).isEqualTo("127.0.0.1");
        assertThat(addresses.peerPort(6880)).isEqualTo(6880);
        assertThat(addresses.isLoopback()).isTrue();
    }

    @Test
    void aServerWithAPublicUrlIsFoundThereByPeersToo() {
        // The case of issue 13: API bound to the host's address, libtorrent on every interface.
        var addresses = of("http://10.213.1.11:8080/", "10.213.1.11", null, "0.0.0.0", null);

        assertThat(addresses.publicUrl()).isEqualTo("http://10.213.1.11:8080");
        assertThat(addresses.selfUrl())
                .as("its own announces go where the API listens, not to 127.0.0.1")
                .isEqualTo("http://10.213.1.11:8080");
        assertThat(addresses.peerHost()).isEqualTo("10.213.1.11");
        assertThat(addresses.isLoopback()).isFalse();
    }

    @Test
    void withoutAPublicUrlTheBindAddressIsAdvertised() {
        var addresses = of(null, "10.0.0.5", null, "10.0.0.5", null);

        assertThat(addresses.publicUrl()).isEqualTo("http://10.0.0.5:8080");
        assertThat(addresses.peerHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void behindNatTheAdvertisedHostAndPortWin() {
        var addresses = of("https://files.example.org", "0.0.0.0", "203.0.113.7", "0.0.0.0", 46880);

        assertThat(addresses.publicUrl()).isEqualTo("https://files.example.org");
        assertThat(addresses.selfUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(addresses.peerHost()).isEqualTo("203.0.113.7");
        assertThat(addresses.peerPort(6880)).isEqualTo(46880);
    }

    @Test
    void aPublicNameIsThePeerHostWhenNothingElseIsSet() {
        assertThat(of("https://sn-1.zone-a.example.org:8443", "0.0.0.0", null, "0.0.0.0", null)
                        .peerHost())
                .isEqualTo("sn-1.zone-a.example.org");
    }

    @Test
    void ipv6BindAddressesGetBracketsInUrls() {
        var addresses = of(null, "fd00::5", null, "::", null);

        assertThat(addresses.publicUrl()).isEqualTo("http://[fd00::5]:8080");
        assertThat(addresses.peerHost()).isEqualTo("fd00::5");
    }

    @Test
    void aWildcardOrMalformedAdvertisementIsRefused() {
        assertThatThrownBy(() -> of(null, "0.0.0.0", "0.0.0.0", "0.0.0.0", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("advertised-host");
        assertThatThrownBy(() -> of("no url", "0.0.0.0", null, "0.0.0.0", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SupernodeRecord record(String node, String url) {
        return new SupernodeRecord(node, "east", url, null, 6880, "hash", Instant.EPOCH, null);
    }

    @Test
    void loopbackOnOneHostIsFine() {
        var addresses = of(null, "0.0.0.0", null, "0.0.0.0", null);

        assertThat(addresses.loopbackProblem("127.0.0.1:2181", List.of(record("east-2", "http://127.0.0.1:8081"))))
                .isEmpty();
    }

    @Test
    void loopbackIsReportedWhenTheSettingsOrTheClusterShowOtherHosts() {
        var addresses = of(null, "0.0.0.0", null, "0.0.0.0", null);

        assertThat(addresses.loopbackProblem("zk-1.example.org:2181,zk-2:2181/swarmdrop", List.of()))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("http://127.0.0.1:8080")
                        .contains("its ZooKeeper is at zk-1.example.org")
                        .contains("swarmdrop.supernode.public-url"));
        assertThat(addresses.loopbackProblem("127.0.0.1:2181", List.of(record("west-1", "http://10.213.2.11:8080"))))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("supernode west-1 is at http://10.213.2.11:8080"));
        assertThat(of(null, "0.0.0.0", null, "10.213.1.11", null).loopbackProblem("127.0.0.1:2181", List.of()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("libtorrent listens on 10.213.1.11"));
        // A public URL on another host but a peer address on loopback is as bad.
        assertThat(of("http://10.213.1.11:8080", "0.0.0.0", "127.0.0.1", "0.0.0.0", null)
                        .loopbackProblem("[fd00::1]:2181", List.of()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("its ZooKeeper is at [fd00::1]"));
    }

    @Test
    void reachableAddressesAreNeverAProblem() {
        assertThat(of("http://10.213.1.11:8080", "10.213.1.11", null, "0.0.0.0", null)
                        .loopbackProblem("10.213.0.1:2181", List.of()))
                .isEmpty();
    }
}
