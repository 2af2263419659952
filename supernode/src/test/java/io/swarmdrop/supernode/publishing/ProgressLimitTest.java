package io.swarmdrop.supernode.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.testing.ZooKeeperResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding M2: one device token could write 351 progress reports a second into ZooKeeper. */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class ProgressLimitTest {

    @Test
    void aFloodOfProgressReportsFromOneDeviceIsRefusedWith429AfterItsBurst() throws Exception {
        Fixtures.user("quinn");
        Fixtures.user("rita");
        Fixtures.group("field", "quinn", "rita");
        String publisher = Fixtures.enrol("quinn")[0];
        String recipient = Fixtures.enrol("rita")[0];
        String id = Fixtures.publish(publisher, "field", "survey.pdf", 17);

        int accepted = 0;
        int refused = 0;
        String retryAfter = null;
        long started = System.nanoTime();
        for (int report = 0; report < 60; report++) {
            var response = given().header("Authorization", "Bearer " + recipient)
                    .contentType(ContentType.JSON)
                    .body(Map.of("done", report))
                    .put("/api/publications/" + id + "/progress");
            if (response.statusCode() == 204) {
                accepted++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                retryAfter = response.header("Retry-After");
                refused++;
            }
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(accepted)
                .as("the burst, and what refilled in %.1f s", seconds)
                .isBetween(
                        ProgressLimit.BURST, ProgressLimit.BURST + (int) Math.ceil(seconds * ProgressLimit.PER_SECOND));
        assertThat(refused).isPositive();
        assertThat(retryAfter).isEqualTo("1");
    }
}
