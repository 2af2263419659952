package io.swarmdrop.supernode;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.swarmdrop.engine.TorrentCreator;
import io.swarmdrop.testing.RandomFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Users, groups, devices and torrents for supernode tests, made through the real APIs. Test classes
 * share one running supernode, so users and groups that exist already are fine.
 */
public final class Fixtures {

    public static final String ADMIN = "Bearer test-admin-token";

    private Fixtures() {}

    public static void user(String name) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "password", name + "-password"))
                .post("/admin/users")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
    }

    public static void group(String name, String... members) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/admin/groups")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        for (String member : members) {
            given().header("Authorization", ADMIN)
                    .put("/admin/groups/" + name + "/members/" + member)
                    .then()
                    .statusCode(204);
        }
    }

    /** Users alice, bob and carol; group design with alice and bob, group finance with carol. */
    public static void designAndFinance() {
        user("alice");
        user("bob");
        user("carol");
        group("design", "alice", "bob");
        group("finance", "carol");
    }

    /** Enrols a device of {@code user}; returns {token, passkey, device id}. */
    public static String[] enrol(String user) {
        var body = given().contentType(ContentType.JSON)
                .body(Map.of("user", user, "password", user + "-password", "hostname", "test"))
                .post("/api/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new String[] {body.getString("token"), body.getString("passkey"), body.getString("device")};
    }

    /** A generated SSL torrent of {@code name} under the current peer root of {@code group}. */
    public static byte[] torrent(String group, String name, int size, long seed) throws Exception {
        Path folder = Files.createTempDirectory("swarmdrop-test");
        String root = io.quarkus.arc.Arc.container()
                .instance(io.swarmdrop.core.directory.Directory.class)
                .get()
                .roots()
                .current(group)
                .certificatePem();
        return TorrentCreator.create(RandomFiles.write(folder.resolve(name), size, seed), root, (done, all) -> {})
                .bytes();
    }

    /** Publishes a generated torrent of {@code name} to {@code group} as the device of {@code token}; returns its id. */
    public static String publish(String token, String group, String name, long seed) throws Exception {
        return given().header("Authorization", "Bearer " + token)
                .contentType("application/x-bittorrent")
                .body(torrent(group, name, 20_000, seed))
                .post("/api/groups/" + group + "/publications")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }
}
