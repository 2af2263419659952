package io.swarmdrop.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void loopbackIsTheWholeBlockIpv6AndLocalhostButNoOtherName() {
        assertThat(Hosts.isLoopback("127.0.0.1")).isTrue();
        assertThat(Hosts.isLoopback("127.1.2.3")).isTrue();
        assertThat(Hosts.isLoopback("::1")).isTrue();
        assertThat(Hosts.isLoopback("[::1]")).isTrue();
        assertThat(Hosts.isLoopback("localhost")).isTrue();
        assertThat(Hosts.isLoopback("LocalHost")).isTrue();
        assertThat(Hosts.isLoopback("10.213.1.11")).isFalse();
        assertThat(Hosts.isLoopback("0.0.0.0")).isFalse();
        // A name is never looked up: a supernode named in DNS is taken as reachable.
        assertThat(Hosts.isLoopback("supernode.example.org")).isFalse();
    }

    @Test
    void wildcardsAreTheAnyAddressesAndAnEmptyHost() {
        assertThat(Hosts.isWildcard("0.0.0.0")).isTrue();
        assertThat(Hosts.isWildcard("::")).isTrue();
        assertThat(Hosts.isWildcard("[::]")).isTrue();
        assertThat(Hosts.isWildcard("")).isTrue();
        assertThat(Hosts.isWildcard("127.0.0.1")).isFalse();
        assertThat(Hosts.isWildcard("example.org")).isFalse();
    }

    @Test
    void theHostOfAUrlComesWithoutBracketsAndGoesBackWithThem() {
        assertThat(Hosts.hostOf("http://10.0.0.5:8080/")).isEqualTo("10.0.0.5");
        assertThat(Hosts.hostOf("https://[fd00::5]:8443")).isEqualTo("fd00::5");
        assertThat(Hosts.forUrl("fd00::5")).isEqualTo("[fd00::5]");
        assertThat(Hosts.forUrl("10.0.0.5")).isEqualTo("10.0.0.5");
        assertThatThrownBy(() -> Hosts.hostOf("not a url")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hosts.hostOf("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
