package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Requests whose whole path matches {@code path} (a regular expression) go to {@code upstream}. */
public record Route(Pattern path, String upstream) {
    public Route {
        Objects.requireNonNull(path, "path");
        if (upstream == null || upstream.isBlank()) {
            throw new IllegalArgumentException("The route " + path + " names no upstream");
        }
    }

    public static Route of(String regex, String upstream) {
        return new Route(Pattern.compile(regex), upstream);
    }

    public boolean matches(String requestPath) {
        return path.matcher(requestPath).matches();
    }
}
