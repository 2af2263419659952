package io.swarmdrop.daemon.route;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the route of a group or a publication. A route that claims a group or an id wins over the
 * fallback route (the supernodes), so a local group keeps to the LAN even when a supernode knows a
 * group of the same name.
 */
@Singleton
public class Routes {

    private final List<Route> routes;

    @Inject
    Routes(@Any Instance<Route> all) {
        this(all.stream().toList());
    }

    public Routes(List<Route> routes) {
        if (routes.stream().filter(Fallback.class::isInstance).count() != 1) {
            throw new IllegalArgumentException("exactly one route must be the fallback: " + routes);
        }
        this.routes = routes.stream()
                .sorted(Comparator.comparing(Fallback.class::isInstance))
                .toList();
    }

    /** Marks the route that takes whatever no other route claims. */
    public interface Fallback {}

    /** The route that delivers {@code group}'s publications. */
    public Route forGroup(String group) {
        return routes.stream().filter(r -> r.serves(group)).findFirst().orElseGet(this::fallback);
    }

    /** The route a publication belongs to. */
    public Route forPublication(String publicationId) {
        return routes.stream().filter(r -> r.owns(publicationId)).findFirst().orElseGet(this::fallback);
    }

    /** Every group some route publishes through now, each under the route {@link #forGroup} picks. */
    public Set<String> groups() {
        var groups = new TreeSet<String>();
        for (Route route : routes) {
            route.groups().stream().filter(g -> forGroup(g) == route).forEach(groups::add);
        }
        return groups;
    }

    private Route fallback() {
        return routes.get(routes.size() - 1);
    }
}
