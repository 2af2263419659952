package io.swarmdrop.supernode.peering;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.security.PeerRoots;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.testing.RandomFiles;
import io.swarmdrop.testing.ZooKeeperResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Peer certificates go to the members' devices only, and a group that loses someone gets a new
 * root, so what it publishes afterwards is out of reach of whoever left; publications must be SSL
 * torrents under the group's current root.
 */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class PeerCertificatesTest {

    private static final KeyPair KEYS = PeerRoots.newKeyPair();

    @Inject
    Directory directory;

    @Test
    void aMemberGetsACertificateOfTheGroupsRootNamingItsDevice() {
        Fixtures.user("pia");
        Fixtures.group("atlas", "pia");
        String[] pia = Fixtures.enrol("pia");

        JsonPath issued = request(pia[0], "atlas", null, 200);
        X509Certificate root = PeerRoots.certificate(issued.getString("rootCertificate"));
        X509Certificate certificate = PeerRoots.certificate(issued.getString("certificate"));
        assertThat(issued.getString("root")).isEqualTo(PeerRoots.idOf(issued.getString("rootCertificate")));
        assertThat(PeerRoots.groupOf(issued.getString("rootCertificate"))).contains("atlas");
        assertThatCode(() -> certificate.verify(root.getPublicKey()));
        assertThat(certificate.getPublicKey()).isEqualTo(KEYS.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName())
                .contains("CN=" + pia[2])
                .contains("OU=atlas");
        assertThat(Duration.between(Instant.now(), certificate.getNotAfter().toInstant()))
                .isBetween(Duration.ofHours(23), Duration.ofHours(24));

        assertThat(request(pia[0], "atlas", null, 200).getString("root"))
                .as("the same root until someone leaves")
                .isEqualTo(issued.getString("root"));
        assertThat(request(pia[0], "atlas", issued.getString("root"), 200).getString("root"))
                .isEqualTo(issued.getString("root"));
    }

    @Test
    void aNonMemberARemovedMemberAndARevokedDeviceGetNone() {
        Fixtures.user("quinn");
        Fixtures.user("rosa");
        Fixtures.user("sam");
        Fixtures.group("borealis", "quinn", "rosa");
        String[] quinn = Fixtures.enrol("quinn");
        String[] rosa = Fixtures.enrol("rosa");
        String[] sam = Fixtures.enrol("sam");
        String before = request(quinn[0], "borealis", null, 200).getString("root");

        assertThat(request(sam[0], "borealis", null, 403).getString("error")).contains("not a member");
        assertThat(request(sam[0], "borealis", before, 403).getString("error")).contains("not a member");

        given().header("Authorization", Fixtures.ADMIN)
                .delete("/admin/groups/borealis/members/rosa")
                .then()
                .statusCode(204);
        request(rosa[0], "borealis", before, 403);
        String after = request(quinn[0], "borealis", null, 200).getString("root");
        assertThat(after).as("a new root once a member left").isNotEqualTo(before);
        assertThat(request(quinn[0], "borealis", before, 200).getString("root"))
                .as("members still get certificates of the old root, for what was published under it")
                .isEqualTo(before);

        directory.revokeDevice("quinn", quinn[2]);
        request(quinn[0], "borealis", after, 401);
        String third = directory.roots().current("borealis").id();
        assertThat(third).as("a new root once a member's device was revoked").isNotIn(before, after);
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        Fixtures.user("tara");
        Fixtures.group("cygnus", "tara");
        String token = Fixtures.enrol("tara")[0];
        assertThat(post(token, "cygnus", Map.of("publicKey", "not base64!"), 400))
                .contains("publicKey");
        assertThat(post(token, "cygnus", Map.of("publicKey", "A".repeat(5000)), 400))
                .contains("at most");
        assertThat(post(
                        token,
                        "cygnus",
                        Map.of(
                                "publicKey",
                                PeerRoots.encodePublicKey(KEYS.getPublic()),
                                "root",
                                "00112233445566778899aabbccddeeff"),
                        404))
                .contains("no peer root");
        assertThat(post(
                        token,
                        "cygnus",
                        Map.of("publicKey", PeerRoots.encodePublicKey(KEYS.getPublic()), "root", "../../x"),
                        404))
                .contains("no peer root");
    }

    @Test
    void aPublicationMustBeAnSslTorrentUnderTheGroupsCurrentRoot() throws Exception {
        Fixtures.user("uma");
        Fixtures.user("vic");
        Fixtures.group("draco", "uma", "vic");
        Fixtures.group("eridanus", "uma");
        String token = Fixtures.enrol("uma")[0];
        var file = RandomFiles.write(Files.createTempDirectory("peer-roots").resolve("map.pdf"), 20_000, 5);

        assertThat(publish(token, "draco", TorrentCreator.create(file).bytes(), 400))
                .contains("no peer root");
        String foreign = directory.roots().current("eridanus").certificatePem();
        assertThat(publish(
                        token,
                        "draco",
                        TorrentCreator.create(file, foreign, (d, a) -> {}).bytes(),
                        400))
                .contains("not one of group 'draco'");

        String old = directory.roots().current("draco").certificatePem();
        byte[] stale = TorrentCreator.create(file, old, (d, a) -> {}).bytes();
        given().header("Authorization", Fixtures.ADMIN)
                .delete("/admin/groups/draco/members/vic")
                .then()
                .statusCode(204);
        assertThat(publish(token, "draco", stale, 409)).contains("new peer root");
        String current = directory.roots().current("draco").certificatePem();
        publish(
                token,
                "draco",
                TorrentCreator.create(file, current, (d, a) -> {}).bytes(),
                201);
    }

    private static void assertThatCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatCode(call).doesNotThrowAnyException();
    }

    private static JsonPath request(String token, String group, String root, int status) {
        var body = new HashMap<String, String>();
        body.put("publicKey", PeerRoots.encodePublicKey(KEYS.getPublic()));
        if (root != null) {
            body.put("root", root);
        }
        return given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/groups/" + group + "/peer-certificates")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static String post(String token, String group, Map<String, String> body, int status) {
        return given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/groups/" + group + "/peer-certificates")
                .then()
                .statusCode(status)
                .extract()
                .asString();
    }

    private static String publish(String token, String group, byte[] torrent, int status) {
        return given().header("Authorization", "Bearer " + token)
                .contentType("application/x-bittorrent")
                .body(torrent)
                .post("/api/groups/" + group + "/publications")
                .then()
                .statusCode(status)
                .extract()
                .asString();
    }
}
