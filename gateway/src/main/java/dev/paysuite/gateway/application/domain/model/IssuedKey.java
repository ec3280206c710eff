package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** A key just created (or rolled) and its secret: shown to the admin once, never stored or logged. */
public record IssuedKey(ManagedKey key, ApiKeySecret secret) {
    public IssuedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
