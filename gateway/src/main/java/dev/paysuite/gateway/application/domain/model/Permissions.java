package dev.paysuite.gateway.application.domain.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may do: everything (a secret key), or only what its scopes name (a restricted
 * key, a partner's token).
 */
public record Permissions(boolean unrestricted, Set<Scope> scopes) {
    public static final Permissions ALL = new Permissions(true, Set.of());

    public Permissions {
        Objects.requireNonNull(scopes, "scopes");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        if (unrestricted && !scopes.isEmpty()) {
            throw new IllegalArgumentException("an unrestricted caller has no scopes to list");
        }
    }

    public static Permissions only(Set<Scope> scopes) {
        return new Permissions(false, scopes);
    }

    /** Scopes as stored or sent: space-separated wire names (OAuth's {@code scope} format); unknown names are dropped. */
    public static Permissions parse(String scopes) {
        if (scopes == null) {
            return ALL;
        }
        Set<Scope> parsed = java.util.Arrays.stream(scopes.trim().split("[\\s,]+")).map(Scope::fromWire)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        return only(parsed);
    }

    public boolean permits(Scope scope) {
        return unrestricted || scopes.contains(scope);
    }

    /** Null for an unrestricted caller; otherwise the scopes, space-separated, in a stable order. */
    public String wireScopes() {
        return unrestricted ? null : scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(" "));
    }
}
