package io.swarmdrop.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swarmdrop.testing.ZooKeeperResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding I11: console paths with {@code ;} got no answer at all and held their connection open. */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class OddPathsTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/users;x", "/static;/../users", "/login;/../accounts", "/publications;jsessionid=1"})
    void aPathWithASemicolonGetsAnAnswerAndNoPage(String path) throws Exception {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(path).isIn(302, 400, 401, 404);
        assertThat(response.body()).doesNotContain("Console accounts").doesNotContain("<h1>Users");
    }
}
