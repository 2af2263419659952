package io.swarmdrop.supernode.access;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Metrics ({@code /q/metrics}) and the API description ({@code /q/openapi}) need the admin token
 * (finding M8): they tell an outsider the cluster's size, traffic and every endpoint. Health
 * ({@code /q/health}) stays open for load balancers and service managers; it reveals only up or
 * down. These routes are Vert.x's, not RESTEasy's, so {@link AccessFilter} does not see them.
 */
@ApplicationScoped
public class ManagementAccess {

    private final AdminToken adminToken;

    ManagementAccess(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    void install(@Observes Filters filters) {
        filters.register(
                context -> {
                    String path = context.normalizedPath();
                    if (isGuarded(path)
                            && !adminToken.matches(
                                    AccessFilter.bearerOf(context.request().getHeader("Authorization")))) {
                        context.response()
                                .setStatusCode(401)
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                .end("{\"error\":\"metrics and the API description need the admin token\"}");
                        return;
                    }
                    context.next();
                },
                // Before every other handler, the management routes' included.
                10_000);
    }

    static boolean isGuarded(String path) {
        return path.startsWith("/q/metrics") || path.startsWith("/q/openapi") || path.startsWith("/q/swagger");
    }
}
