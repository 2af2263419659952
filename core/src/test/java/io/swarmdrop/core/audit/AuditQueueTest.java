package io.swarmdrop.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmdrop.core.cluster.ZkLayout;
import io.swarmdrop.core.directory.ZooKeeperExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditQueueTest {

    @RegisterExtension
    final ZooKeeperExtension zk = new ZooKeeperExtension();

    private static AuditEvent event(int n) {
        return new AuditEvent(
                Instant.parse("2026-11-22T10:00:00Z").plusSeconds(n),
                "bob",
                "enrolled a device",
                "device " + n,
                "10.0.0.1");
    }

    @Test
    void eventsArriveOnceInOrder() {
        var queue = new AuditQueue(zk.client());
        for (int i = 0; i < 12; i++) {
            queue.publish(event(i));
        }
        var taken = new ArrayList<AuditEvent>();

        assertThat(queue.drain(taken::add)).isEqualTo(12);
        assertThat(queue.drain(taken::add)).isZero();

        assertThat(taken)
                .extracting(AuditEvent::target)
                .startsWith("device 0", "device 1", "device 2")
                .hasSize(12);
    }

    @Test
    void anEventTheSinkCouldNotTakeStaysForTheNextDrain() {
        var queue = new AuditQueue(zk.client());
        queue.publish(event(1));

        assertThat(queue.drain(e -> {
                    throw new IllegalStateException("database down");
                }))
                .isZero();

        var taken = new ArrayList<AuditEvent>();
        assertThat(queue.drain(taken::add)).isEqualTo(1);
        assertThat(taken).containsExactly(event(1));
    }

    /** Finding I5: one event the console could not store kept every later enrolment out of the audit log. */
    @Test
    void anEventTheSinkRefusesOrNobodyCanReadDoesNotHoldBackTheOnesAfterIt() throws Exception {
        var queue = new AuditQueue(zk.client());
        zk.client()
                .create()
                .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                .forPath(ZkLayout.AUDIT + "/event-", "{not json".getBytes(StandardCharsets.UTF_8));
        queue.publish(event(1));
        queue.publish(event(2));
        var taken = new ArrayList<AuditEvent>();

        assertThat(queue.drain(e -> {
                    if (e.equals(event(1))) {
                        throw new IllegalStateException("value too long for column TARGET");
                    }
                    taken.add(e);
                }))
                .isEqualTo(1);
        assertThat(taken).containsExactly(event(2));
        assertThat(zk.client().getChildren().forPath(ZkLayout.AUDIT))
                .as("the unreadable one is dropped, the refused one waits")
                .hasSize(1);
    }
}
