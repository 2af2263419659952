package io.swarmdrop.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmdrop.core.cluster.ClusterStateException;
import io.swarmdrop.core.directory.ZooKeeperExtension;
import java.time.Instant;
import java.util.ArrayList;
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

        assertThatThrownBy(() -> queue.drain(e -> {
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOf(ClusterStateException.class);

        var taken = new ArrayList<AuditEvent>();
        assertThat(queue.drain(taken::add)).isEqualTo(1);
        assertThat(taken).containsExactly(event(1));
    }
}
