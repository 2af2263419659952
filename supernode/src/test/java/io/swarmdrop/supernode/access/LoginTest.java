package io.swarmdrop.supernode.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.testing.ZooKeeperResource;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Findings A7 (unlimited password guessing), I4 and I5 (a host name too big for ZooKeeper or for
 * the audit log) and I10 (log injection through the user name) on {@code POST /api/login}.
 */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class LoginTest {

    private static int login(String user, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("user", user, "password", password, "hostname", "test"))
                .post("/api/login")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void guessesAtOneAccountAreRefusedUncheckedWithRetryAfterWhileOthersStillLogIn() {
        Fixtures.user("dave");
        Fixtures.user("erin");
        for (int guess = 0; guess < 3; guess++) {
            assertThat(login("dave", "guess-" + guess)).as("guess %d", guess).isEqualTo(401);
        }

        String retryAfter = given().contentType(ContentType.JSON)
                .body(Map.of("user", "dave", "password", "guess-3"))
                .post("/api/login")
                .then()
                .statusCode(429)
                .body("error", containsString("too many failed logins"))
                .extract()
                .header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 300L);
        for (int hammer = 0; hammer < 6; hammer++) {
            assertThat(login("dave", "hammer-" + hammer)).isEqualTo(429);
        }
        assertThat(login("dave", "dave-password"))
                .as("even the right password waits (a minute, after the hammering): the guesser cannot tell")
                .isEqualTo(429);
        assertThat(login("erin", "erin-password"))
                .as("another account from the same address")
                .isEqualTo(200);
    }

    @Test
    void aHostNameTooLongForZooKeeperOrTheAuditLogIsRefusedBeforeAnyWrite() {
        Fixtures.user("frank");
        given().contentType(ContentType.JSON)
                .body(Map.of("user", "frank", "password", "frank-password", "hostname", "h".repeat(1_500_000)))
                .post("/api/login")
                .then()
                .statusCode(400)
                .body("error", containsString("at most 255"));
        given().contentType(ContentType.JSON)
                .body(Map.of("user", "frank", "password", "frank-password", "hostname", "h".repeat(1200)))
                .post("/api/login")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("user", "frank", "password", "frank-password", "hostname", "pc\n13:31:00 INFO forged"))
                .post("/api/login")
                .then()
                .statusCode(400);
        assertThat(login("frank", "frank-password")).isEqualTo(200);
    }

    @Test
    void aUserNameThatCannotExistIsRefusedLikeAWrongPasswordAndNeverReachesTheLogRaw() {
        var logged = new CopyOnWriteArrayList<String>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(LoginResource.class.getName());
        logger.addHandler(handler);
        try {
            given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "user",
                            "nobody\n13:31:00.000 INFO [i.s.s.a.LoginResource] enrolled device deadbeef",
                            "password",
                            "x"))
                    .post("/api/login")
                    .then()
                    .statusCode(401)
                    .body("error", equalTo("wrong user or password"));
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(logged).as("the refusal is logged").anyMatch(line -> line.contains("refused"));
        assertThat(logged).noneMatch(line -> line.contains("\n") || line.contains("deadbeef"));
    }
}
