package io.swarmdrop.supernode.cluster;

import io.swarmdrop.core.cluster.ClusterStateException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 503 "the cluster state is unavailable" at once while this supernode has no ZooKeeper
 * connection (no quorum, or no server reachable), before authentication, which reads ZooKeeper
 * too. Without it each call of the daemon, admin and cluster APIs and of the tracker waited out
 * Curator's retries, minutes without a quorum, and callers timed out without a reason. Readiness
 * ({@code /q/health/ready}) says the same; {@code /api/ping} and the health endpoints still answer.
 */
public class ClusterStateFilter {

    private final Cluster cluster;

    ClusterStateFilter(Cluster cluster) {
        this.cluster = cluster;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void requireClusterState(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean needsState = (path.startsWith("/api/") && !path.equals("/api/ping"))
                || path.equals("/admin")
                || path.startsWith("/admin/")
                || path.startsWith("/cluster/")
                || path.startsWith("/tracker/");
        if (needsState && !cluster.isConnected()) {
            throw new ClusterStateException("this supernode has no ZooKeeper connection");
        }
    }
}
