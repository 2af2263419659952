package io.swarmdrop.supernode.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swarmdrop.testing.ZooKeeperResource;
import org.junit.jupiter.api.Test;

/** Finding M8: metrics and the API description were open to anyone who reached the port. */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class ManagementAccessTest {

    @Test
    void metricsAndTheApiDescriptionNeedTheAdminTokenAndHealthStaysOpen() {
        for (String path : new String[] {"/q/metrics", "/q/openapi"}) {
            given().get(path).then().statusCode(401).body(containsString("admin token"));
            given().header("Authorization", "Bearer forged").get(path).then().statusCode(401);
            given().header("Authorization", "Bearer test-admin-token")
                    .get(path)
                    .then()
                    .statusCode(200);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
