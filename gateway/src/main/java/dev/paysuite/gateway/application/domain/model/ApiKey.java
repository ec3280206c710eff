package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** A merchant's API key as the gateway keeps it: the secret itself is not known, only its hash. */
public record ApiKey(String id, String merchantId, Mode mode, RateLimitPolicy rateLimit, boolean revoked) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /**
     * A revoked key is refused, and so is one whose stored mode disagrees with the secret's prefix
     * (a corrupted row must not turn a test key into a live one).
     */
    public boolean authenticates(ApiKeySecret secret) {
        return !revoked && mode == secret.mode();
    }

    public Caller caller() {
        return new Caller(merchantId, mode, id);
    }
}
