package io.swarmdrop.supernode.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swarmdrop.core.audit.AuditEvent;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.security.Secrets;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.testing.ZooKeeperResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Issue 14, item 11: a change made through the admin API is audited like one made in the console. */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class AdminAuditTest {

    @Inject
    AuditQueue audit;

    @Test
    void changesAreAuditedWithTheirCredentialAndReadsAndRefusalsAreNot() {
        Fixtures.user("paul");
        Fixtures.group("legal", "paul");
        given().header("Authorization", Fixtures.ADMIN)
                .get("/admin/users")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer wrong")
                .delete("/admin/groups/legal/members/paul")
                .then()
                .statusCode(401);

        var events = new ArrayList<AuditEvent>();
        audit.drain(events::add);

        String credential = Secrets.hash(Fixtures.ADMIN.substring(7)).substring(0, 8);
        assertThat(events)
                .filteredOn(e -> e.target().equals("/admin/groups/legal/members/paul"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("admin API PUT");
                    assertThat(e.actor()).isEqualTo("admin API (token " + credential + ")");
                    assertThat(e.source()).isEqualTo("127.0.0.1");
                });
        assertThat(events).filteredOn(e -> e.target().equals("/admin/users")).isNotEmpty();
        assertThat(events)
                .noneMatch(e -> e.action().contains("GET") || e.actor().contains("?"));
    }
}
