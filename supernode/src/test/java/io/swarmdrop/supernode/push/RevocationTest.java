package io.swarmdrop.supernode.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.supernode.Fixtures;
import io.swarmdrop.testing.ZooKeeperResource;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Finding A6: revoking a device or disabling a user ends that device's open push channel at once,
 * and the channel carries nothing about a publication made afterwards. Finding M1: one device
 * holds a bounded number of channels.
 */
@QuarkusTest
@QuarkusTestResource(ZooKeeperResource.class)
class RevocationTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    Directory directory;

    /** A push channel read line by line on its own thread until the supernode ends it. */
    private final class Channel implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final AtomicBoolean ended = new AtomicBoolean();
        final HttpResponse<Stream<String>> response;

        Channel(String token) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .build();
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (UncheckedIOException closed) {
                    // Closed by the test.
                } finally {
                    ended.set(true);
                }
            });
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> mentions("hello"));
        }

        boolean mentions(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    @Test
    void aRevokedDevicesChannelEndsAndHearsNothingOfLaterPublications() throws Exception {
        for (String user : List.of("gina", "hank", "ivy")) {
            Fixtures.user(user);
        }
        Fixtures.group("ops", "gina", "hank", "ivy");
        String publisher = Fixtures.enrol("gina")[0];
        String[] hank = Fixtures.enrol("hank");
        try (var revoked = new Channel(hank[0]);
                var witness = new Channel(Fixtures.enrol("ivy")[0])) {
            directory.revokeDevice("hank", hank[2]);

            await("the revoked channel ends").atMost(Duration.ofSeconds(3)).untilTrue(revoked.ended);
            String id = Fixtures.publish(publisher, "ops", "after-revocation.pdf", 71);
            await("a valid member hears of it").atMost(Duration.ofSeconds(10)).until(() -> witness.mentions(id));
            assertThat(revoked.mentions(id)).isFalse();
        }
    }

    @Test
    void aDisabledUsersChannelEnds() throws Exception {
        Fixtures.user("jack");
        Fixtures.group("night-shift", "jack");
        try (var channel = new Channel(Fixtures.enrol("jack")[0])) {
            directory.setDisabled("jack", true);

            await("the disabled user's channel ends")
                    .atMost(Duration.ofSeconds(3))
                    .untilTrue(channel.ended);
        }
    }

    @Test
    void aDeviceOpeningMoreChannelsThanAllowedLosesItsOldest() throws Exception {
        Fixtures.user("kate");
        String token = Fixtures.enrol("kate")[0];
        try (var first = new Channel(token);
                var second = new Channel(token);
                var third = new Channel(token)) {
            await("the oldest channel ends").atMost(Duration.ofSeconds(3)).untilTrue(first.ended);
            assertThat(Sessions.MAX_CHANNELS_PER_DEVICE).isEqualTo(2);
            assertThat(second.ended).isFalse();
            assertThat(third.ended).isFalse();
        }
    }
}
