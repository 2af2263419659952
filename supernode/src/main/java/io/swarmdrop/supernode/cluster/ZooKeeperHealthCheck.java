package io.swarmdrop.supernode.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while connected to ZooKeeper: without it the supernode cannot check a token or a passkey. */
@Readiness
@ApplicationScoped
public class ZooKeeperHealthCheck implements HealthCheck {

    private final Cluster cluster;

    ZooKeeperHealthCheck(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("zookeeper")
                .status(cluster.isConnected())
                .build();
    }
}
