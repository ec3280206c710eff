package dev.paysuite.gateway.application.domain.model;

import java.util.List;
import java.util.Optional;

/** The routing table: the first route whose path matches wins, so specific routes go first. */
public record Routes(List<Route> routes) {
    public Routes {
        routes = List.copyOf(routes);
    }

    public Optional<String> upstreamFor(String path) {
        return routes.stream().filter(r -> r.matches(path)).map(Route::upstream).findFirst();
    }
}
