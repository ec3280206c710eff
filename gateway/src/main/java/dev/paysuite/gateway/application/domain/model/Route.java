package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Requests whose path matches {@code path} (a whole-path regular expression) go to {@code upstream}. */
public record Route(Pattern path, String upstream) {
    public Route {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(upstream, "upstream");
    }

    public static Route of(String regex, String upstream) {
        return new Route(Pattern.compile(regex), upstream);
    }

    public boolean matches(String requestPath) {
        return path.matcher(requestPath).matches();
    }
}
