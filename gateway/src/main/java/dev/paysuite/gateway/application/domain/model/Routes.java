package dev.paysuite.gateway.application.domain.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The routing table: the first route whose path matches wins, so specific routes come first.
 * {@code /internal} and everything under it is for the services among themselves and is never
 * routed, whatever the table says.
 */
public record Routes(List<Route> routes) {
    public Routes {
        routes = List.copyOf(routes);
    }

    public Optional<String> upstreamFor(String path) {
        if (isInternal(path)) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route.upstream());
            }
        }
        return Optional.empty();
    }

    /** {@code /internal}, {@code /internal/...}, in any case (a path is normalized before it gets here). */
    static boolean isInternal(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals("/internal") || lower.startsWith("/internal/");
    }
}
