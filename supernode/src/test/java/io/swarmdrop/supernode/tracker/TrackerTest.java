package io.swarmdrop.supernode.tracker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swarmdrop.core.bencode.Bencode;
import io.swarmdrop.core.torrent.Metainfo;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.testing.ZooKeeperResource;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tracker as a BitTorrent client sees it: BEP 3 announces, BEP 23 compact peers, bencoded refusals. */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class TrackerTest {

    private static String alicePasskey;
    private static String carolPasskey;
    private static Metainfo metainfo;

    @BeforeEach
    void publication() throws Exception {
        if (metainfo != null) {
            return;
        }
        Fixtures.designAndFinance();
        String[] alice = Fixtures.enrol("alice");
        alicePasskey = alice[1];
        carolPasskey = Fixtures.enrol("carol")[1];
        metainfo = Metainfo.parse(Fixtures.torrent("design", "plan.pdf", 300_000, 11));
        given().header("Authorization", "Bearer " + alice[0])
                .contentType("application/x-bittorrent")
                .body(metainfo.bytes())
                .post("/api/groups/design/publications")
                .then()
                .statusCode(201);
    }

    private static String escaped(String hex) {
        var out = new StringBuilder();
        for (byte b : HexFormat.of().parseHex(hex)) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    private static String peerId(int n) {
        return "-TT0001-" + String.format("%012d", n);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> announce(String passkey, String hash, int peer, int port, String extra) {
        byte[] body = given().urlEncodingEnabled(false)
                .get("/announce?pk=" + passkey + "&info_hash=" + escaped(hash) + "&peer_id=" + peerId(peer) + "&port="
                        + port + "&uploaded=0&downloaded=0&left=1000" + extra)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return (Map<String, Object>) Bencode.decode(body);
    }

    private static List<Integer> compactPorts(byte[] peers) {
        assertThat(peers.length % 6).as("BEP 23: 6 bytes per IPv4 peer").isZero();
        var ports = new java.util.ArrayList<Integer>();
        for (int i = 0; i < peers.length; i += 6) {
            assertThat(new byte[] {peers[i], peers[i + 1], peers[i + 2], peers[i + 3]})
                    .containsExactly(127, 0, 0, 1);
            ports.add((peers[i + 4] & 0xff) << 8 | peers[i + 5] & 0xff);
        }
        return ports;
    }

    @Test
    void membersGetEachOtherAsCompactPeersWhicheverInfoHashTheyAnnounce() {
        String v1 = metainfo.infohashV1();
        String v2 = metainfo.infohashV2().substring(0, 40);

        Map<String, Object> first = announce(alicePasskey, v1, 1, 7001, "&compact=1&event=started");
        Map<String, Object> second = announce(alicePasskey, v2, 2, 7002, "&compact=1&event=started");

        assertThat(first)
                .containsKeys("interval", "complete", "incomplete", "peers")
                .doesNotContainKey("failure reason");
        assertThat(compactPorts((byte[]) second.get("peers"))).contains(7001);
        assertThat((Long) second.get("incomplete")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void answersWithAPeerListWhenCompactIsOff() {
        String v1 = metainfo.infohashV1();
        announce(alicePasskey, v1, 3, 7003, "");

        Map<String, Object> answer = announce(alicePasskey, v1, 4, 7004, "&compact=0");

        @SuppressWarnings("unchecked")
        var peers = (List<Map<String, Object>>) answer.get("peers");
        assertThat(peers).anySatisfy(p -> {
            assertThat(new String((byte[]) p.get("ip"), StandardCharsets.US_ASCII))
                    .isEqualTo("127.0.0.1");
            assertThat(p.get("port")).isEqualTo(7003L);
            assertThat(p).as("no peer id to hijack a record with (A8)").doesNotContainKey("peer id");
        });
    }

    @Test
    void aStoppedPeerIsForgotten() {
        String v1 = metainfo.infohashV1();
        announce(alicePasskey, v1, 5, 7005, "");
        announce(alicePasskey, v1, 5, 7005, "&event=stopped");

        Map<String, Object> answer = announce(alicePasskey, v1, 6, 7006, "");

        assertThat(compactPorts((byte[]) answer.get("peers"))).doesNotContain(7005);
    }

    @Test
    void theSupernodeItselfJoinsEverySwarm() {
        String v1 = metainfo.infohashV1();
        int supernodePeerPort = given().header("Authorization", Fixtures.ADMIN)
                .get("/admin/supernodes")
                .then()
                .extract()
                .jsonPath()
                .getInt("[0].peerPort");

        await().atMost(Duration.ofSeconds(20)).until(() -> compactPorts(
                        (byte[]) announce(alicePasskey, v1, 7, 7007, "").get("peers"))
                .contains(supernodePeerPort));
    }

    @Inject
    Tracker tracker;

    @Test
    void aMemberOnAnotherHostIsNotToldOfPeersAtLoopbackAddresses() throws Exception {
        // Issue 13: a peer at 127.0.0.1 is the asker itself to a device on another host.
        String v1 = metainfo.infohashV1();
        announce(alicePasskey, v1, 9, 7009, "");
        String query = "pk=" + alicePasskey + "&info_hash=" + escaped(v1) + "&peer_id=" + peerId(10)
                + "&port=7010&uploaded=0&downloaded=0&left=1000&compact=1";

        @SuppressWarnings("unchecked")
        var fromElsewhere = (Map<String, Object>)
                Bencode.decode(tracker.announce(query, null, InetAddress.getByName("10.213.1.12")));
        @SuppressWarnings("unchecked")
        var fromHere =
                (Map<String, Object>) Bencode.decode(tracker.announce(query, null, InetAddress.getLoopbackAddress()));

        assertThat((byte[]) fromElsewhere.get("peers")).isEmpty();
        assertThat(compactPorts((byte[]) fromHere.get("peers"))).contains(7009);
    }

    @Test
    void aDeviceOutsideThePublicationsGroupGetsAFailureReason() {
        Map<String, Object> answer = announce(carolPasskey, metainfo.infohashV1(), 8, 7008, "");

        assertThat(new String((byte[]) answer.get("failure reason"), StandardCharsets.UTF_8))
                .isEqualTo("unknown torrent, or not one of your groups' publications");
        assertThat(answer).doesNotContainKey("peers");
    }
}
