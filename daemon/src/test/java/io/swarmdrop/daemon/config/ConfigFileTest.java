package io.swarmdrop.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {

    private static final Path FILE = Path.of("/etc/swarmdrop/daemon.properties");

    private static Map<String, String> parse(String text) {
        return ConfigFile.parse(text, FILE);
    }

    @Test
    void aCompleteFileBecomesDaemonSettings() {
        Map<String, String> settings = parse(
                """
                # Swarmdrop daemon of the reception PC
                supernodes = https://sn1.example.org, https://sn2.example.org:8443
                zone = paris
                user = alice
                password = p#ss word  # a comment
                device-name = reception-pc
                root = /srv/swarmdrop
                upload-limit = 10MB
                download-limit = 0
                listen-port = 6881
                listen-host = 0.0.0.0
                stable-for = 2s
                upnp = off
                upnp-lease = 30m
                lan = on
                lan-port = 6790
                lan-group.site = c2l0ZS1rZXktb2YtMTYtYnl0ZXM=
                outbox.finance = /srv/share/finance-out
                inbox.finance = /srv/share/finance-in
                """);

        assertThat(settings)
                .containsEntry("swarmdrop.daemon.supernodes", "https://sn1.example.org,https://sn2.example.org:8443")
                .containsEntry("swarmdrop.daemon.zone", "paris")
                .containsEntry("swarmdrop.daemon.password", "p#ss word")
                .containsEntry("swarmdrop.daemon.root", "/srv/swarmdrop")
                .containsEntry("swarmdrop.daemon.torrent.upload-limit", Long.toString(10L << 20))
                .containsEntry("swarmdrop.daemon.torrent.download-limit", "0")
                .containsEntry("swarmdrop.daemon.torrent.port", "6881")
                .containsEntry("swarmdrop.daemon.outbox.stable-for", "PT2s")
                .containsEntry("swarmdrop.daemon.upnp.enabled", "false")
                .containsEntry("swarmdrop.daemon.upnp.lease", "PT30m")
                .containsEntry("swarmdrop.daemon.lan.enabled", "true")
                .containsEntry("swarmdrop.lan-groups.site", "c2l0ZS1rZXktb2YtMTYtYnl0ZXM=")
                .containsEntry("swarmdrop.folders.outbox.finance", "/srv/share/finance-out")
                .containsEntry("swarmdrop.folders.inbox.finance", "/srv/share/finance-in")
                .hasSize(18);
        assertThat(parse("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            supernodes                   | line 1: 'supernodes' is not 'key = value'
            supernode = http://a         | line 1, key 'supernode': unknown key; the keys are supernodes, trust-ca, trust-ca-sha256, zone,
            zone =                       | line 1, key 'zone': has no value
            supernodes = ftp://a.example | line 1, key 'supernodes': 'ftp://a.example' is not an http:// or https:// URL with a host
            supernodes = http://a b      | line 1, key 'supernodes': 'http://a b' is not a URL: Illegal character in authority
            supernodes = http://a.example | line 1, key 'supernodes': 'http://a.example' is plain HTTP off this host: the password and device token would cross the network in the clear; use https://
            trust-ca-sha256 = 3F:A0      | line 1, key 'trust-ca-sha256': '3F:A0' is not a SHA-256 fingerprint
            zone = Paris Nord            | line 1, key 'zone': 'Paris Nord' is not a valid zone name
            user = ../alice              | line 1, key 'user': '../alice' is not a valid user name
            root = Swarmdrop             | line 1, key 'root': 'Swarmdrop' is not an absolute path
            upload-limit = fast          | line 1, key 'upload-limit': 'fast' is not a size per second (for example 0, 500KB or 10MB)
            download-limit = 3GB         | line 1, key 'download-limit': '3GB' is more than libtorrent can limit to (2 GB per second)
            listen-port = 80             | line 1, key 'listen-port': 80 is not a port from 1024 to 65535
            listen-port = http           | line 1, key 'listen-port': 'http' is not a port number
            stable-for = soon            | line 1, key 'stable-for': 'soon' is not a duration
            stable-for = -2s             | line 1, key 'stable-for': '-2s' is negative
            upnp = maybe                 | line 1, key 'upnp': 'maybe' is neither on nor off
            upnp-lease = 1 hour          | line 1, key 'upnp-lease': '1 hour' is not a duration
            lan = sometimes              | line 1, key 'lan': 'sometimes' is neither on nor off
            lan-port = 99999             | line 1, key 'lan-port': 99999 is not a port from 1024 to 65535
            lan-group.-x = c2l0ZS1rZXktb2YtMTYtYnl0ZXM= | line 1, key 'lan-group.-x': '-x' is not a valid group name
            lan-group.site = !!!         | line 1, key 'lan-group.site': the key of local group 'site' is not base64
            lan-group.site = c2hvcnQ=    | line 1, key 'lan-group.site': the key of local group 'site' has 5 bytes; it needs at least 16
            outbox.-x = /srv/out         | line 1, key 'outbox.-x': '-x' is not a valid group name
            inbox.finance = finance-in   | line 1, key 'inbox.finance': 'finance-in' is not an absolute path
            """)
    void eachProblemNamesItsLineKeyAndWhatIsWrong(String line, String message) {
        assertThatThrownBy(() -> parse(line + "\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(FILE + " " + message);
    }

    @Test
    void aFolderServesOneGroupOneWay() {
        assertThatThrownBy(() -> parse("outbox.finance = /srv/share\ninbox.finance = /srv/share/\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(
                        "line 2, key 'inbox.finance': /srv/share/ is already the folder of 'outbox.finance' (line 1)");
        assertThatThrownBy(() -> parse("inbox.finance = /srv/in\ninbox.legal = /srv/in\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("line 2, key 'inbox.legal': /srv/in is already the folder of 'inbox.finance'");
    }

    @Test
    void aKeySetTwiceIsRefused() {
        assertThatThrownBy(() -> parse("zone = paris\n\nzone = lyon\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("line 3, key 'zone': set twice (first on line 1)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                ConfigFileException.class, () -> parse("zone = A\nlisten-port = 1\ncolour = blue\n"));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith("the daemon's config file has 3 problems:");
    }
}
