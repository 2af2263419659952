package io.swarmdrop.supernode.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.testing.ZooKeeperResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class DaemonApiTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static String aliceToken;
    private static String bobToken;
    private static String carolToken;

    @BeforeEach
    void directory() {
        if (aliceToken != null) {
            return;
        }
        Fixtures.designAndFinance();
        aliceToken = Fixtures.enrol("alice")[0];
        bobToken = Fixtures.enrol("bob")[0];
        carolToken = Fixtures.enrol("carol")[0];
    }

    private static String publish(String token, String group, byte[] torrent, int status) {
        return given().header("Authorization", "Bearer " + token)
                .contentType("application/x-bittorrent")
                .body(torrent)
                .post("/api/groups/" + group + "/publications")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath()
                .getString(status < 300 ? "id" : "error");
    }

    @Test
    void loginWithAWrongPasswordIs401AndEveryOtherCallNeedsAToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("user", "alice", "password", "guess"))
                .post("/api/login")
                .then()
                .statusCode(401)
                .body("error", equalTo("wrong user or password"));
        given().contentType(ContentType.JSON)
                .body("{not json")
                .post("/api/login")
                .then()
                .statusCode(400);
        given().get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer nope")
                .get("/api/publications/pending")
                .then()
                .statusCode(401);
        given().get("/admin/users").then().statusCode(401);
    }

    @jakarta.inject.Inject
    io.swarmdrop.core.directory.Directory directory;

    /** Issue 17, item 4: a device tells what it cannot do on its own, for the console; only its own. */
    @Test
    void aDeviceReportsItsProblemsForItselfOnlyAndWithinBounds() {
        String device = given().header("Authorization", "Bearer " + bobToken)
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("device");
        given().header("Authorization", "Bearer " + bobToken)
                .contentType(ContentType.JSON)
                .body("[\"refused: design/CON.txt: the name is reserved on Windows\"]")
                .put("/api/me/problems")
                .then()
                .statusCode(204);
        assertThat(directory.findDevice("bob", device).orElseThrow().problems())
                .containsExactly("refused: design/CON.txt: the name is reserved on Windows");

        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(21, "\"x\"")) + "]";
        for (String body : new String[] {tooMany, "[null]", "{\"problems\":1}"}) {
            given().header("Authorization", "Bearer " + bobToken)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/api/me/problems")
                    .then()
                    .statusCode(400);
        }
        given().contentType(ContentType.JSON)
                .body("[]")
                .put("/api/me/problems")
                .then()
                .statusCode(401);
        assertThat(directory.findDevice("bob", device).orElseThrow().problems()).hasSize(1);

        given().header("Authorization", "Bearer " + bobToken)
                .contentType(ContentType.JSON)
                .body("[]")
                .put("/api/me/problems")
                .then()
                .statusCode(204);
        assertThat(directory.findDevice("bob", device).orElseThrow().problems()).isEmpty();
    }

    @Test
    void meListsTheGroupsAndTheirMembers() {
        given().header("Authorization", "Bearer " + aliceToken)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("user", equalTo("alice"))
                .body("groups.name", hasItem("design"))
                .body("groups[0].members.user", hasItem("bob"));
    }

    @Test
    void aPublicationIsPendingForTheOtherMembersUntilTheyAcknowledgeIt() throws Exception {
        byte[] torrent = Fixtures.torrent("design", "plan.pdf", 50_000, 1);

        String id = publish(aliceToken, "design", torrent, 201);
        assertThat(publish(aliceToken, "design", torrent, 200))
                .as("publishing again is idempotent")
                .isEqualTo(id);

        given().header("Authorization", "Bearer " + bobToken)
                .get("/api/publications/pending")
                .then()
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.name", equalTo("plan.pdf"));
        given().header("Authorization", "Bearer " + aliceToken)
                .get("/api/publications/pending")
                .then()
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
        byte[] fetched = given().header("Authorization", "Bearer " + bobToken)
                .get("/api/publications/" + id + "/torrent")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(fetched).isEqualTo(torrent);

        given().header("Authorization", "Bearer " + bobToken)
                .put("/api/publications/" + id + "/receipt")
                .then()
                .statusCode(204);
        given().header("Authorization", "Bearer " + bobToken)
                .put("/api/publications/" + id + "/receipt")
                .then()
                .statusCode(204);
        given().header("Authorization", "Bearer " + bobToken)
                .get("/api/publications/pending")
                .then()
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void nonMembersCanNeitherPublishToNorFetchFromAGroup() throws Exception {
        String refusal = publish(aliceToken, "finance", Fixtures.torrent("finance", "budget.xlsx", 10_000, 2), 403);
        assertThat(refusal).contains("not a member of group 'finance'");

        String id = publish(aliceToken, "design", Fixtures.torrent("design", "sketch.png", 10_000, 3), 201);
        given().header("Authorization", "Bearer " + carolToken)
                .get("/api/publications/" + id + "/torrent")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + carolToken)
                .put("/api/publications/" + id + "/receipt")
                .then()
                .statusCode(403)
                .body("error", containsString("not a recipient"));
        given().header("Authorization", "Bearer " + carolToken)
                .get("/api/publications/doesnotexist/torrent")
                .then()
                .statusCode(404);
    }

    @Test
    void thePushChannelTellsAnOnlineRecipientAboutANewPublicationAtOnce() throws Exception {
        var lines = new CopyOnWriteArrayList<String>();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .header("Authorization", "Bearer " + bobToken)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                response.body()
                        .map(l -> l.replace("event: ", "event:").replace("data: ", "data:"))
                        .forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // The test closes the stream when it is done.
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:hello"));
            given().header("Authorization", "Bearer " + aliceToken)
                    .get("/api/me")
                    .then()
                    .body(
                            "groups.find { it.name == 'design' }.members.find { it.user == 'bob' }.online",
                            equalTo(true));

            String id = publish(aliceToken, "design", Fixtures.torrent("design", "news.mp3", 20_000, 4), 201);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(id)));
            assertThat(lines).contains("event:publication");
        } finally {
            response.body().close();
        }
    }

    @Test
    void adminApiRefusesUnknownMembersAndBadNames() {
        given().header("Authorization", Fixtures.ADMIN)
                .put("/admin/groups/nosuch/members/alice")
                .then()
                .statusCode(404)
                .body("error", equalTo("no group 'nosuch'"));
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Bad/Name", "password", "long-enough-too"))
                .post("/admin/users")
                .then()
                .statusCode(400)
                .body("error", containsString("invalid user name"));
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "dave", "password", "short"))
                .post("/admin/users")
                .then()
                .statusCode(400)
                .body("error", containsString("at least 12 characters"));
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "alice", "password", "long-enough-too"))
                .post("/admin/users")
                .then()
                .statusCode(409);
        given().header("Authorization", Fixtures.ADMIN)
                .get("/admin/groups")
                .then()
                .body("$", org.hamcrest.Matchers.hasItems("design", "finance"));
    }

    @Test
    void theGroupPolicyIsValidatedAndRefusesFilesItDoesNotAdmit() throws Exception {
        Fixtures.group("legal", "alice", "bob");
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.TEXT)
                .body("retention.max-age = a week")
                .put("/admin/groups/legal/policy")
                .then()
                .statusCode(400)
                .body("error", containsString("line 1, retention.max-age: 'a week' is not an ISO-8601 duration"));
        given().header("Authorization", Fixtures.ADMIN)
                .contentType(ContentType.TEXT)
                .body("admission.refused-extensions = exe\nadmission.max-file-size = 20KB\n")
                .put("/admin/groups/legal/policy")
                .then()
                .statusCode(204);

        String tooBig = publish(aliceToken, "legal", Fixtures.torrent("legal", "contract.pdf", 30_000, 5), 422);
        String refusedType = publish(aliceToken, "legal", Fixtures.torrent("legal", "tool.exe", 1_000, 6), 422);
        publish(aliceToken, "legal", Fixtures.torrent("legal", "nda.pdf", 10_000, 7), 201);

        assertThat(tooBig)
                .isEqualTo(
                        "group 'legal' does not accept 'contract.pdf': the file has 29.3 KB, more than this group's limit of 20 KB");
        assertThat(refusedType).contains("files of type .exe are refused in this group");
        given().header("Authorization", Fixtures.ADMIN)
                .get("/admin/groups/legal/policy")
                .then()
                .statusCode(200)
                .body(containsString("admission.max-file-size = 20480"));
    }
}
