package dev.paysuite.gateway.application.domain.model;

import java.util.List;
import java.util.Optional;

/** The routing table: the first route whose path matches wins, so specific routes come first. */
public record Routes(List<Route> routes) {
    public Routes {
        routes = List.copyOf(routes);
    }

    public Optional<String> upstreamFor(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route.upstream());
            }
        }
        return Optional.empty();
    }
}
