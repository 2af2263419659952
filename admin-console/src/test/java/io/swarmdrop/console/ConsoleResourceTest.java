package io.swarmdrop.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleResourceTest {

    @Test
    void startPageSaysWhereAdministrationHappensForNow() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Swarmdrop console"), containsString("/admin/users"));
    }
}
