package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** What a request is counted against: its API key, or its client address when it failed to authenticate. */
public record RateLimitBucket(String id, RateLimitPolicy policy) {
    public RateLimitBucket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
    }

    public static RateLimitBucket forKey(String apiKeyId, RateLimitPolicy policy) {
        return new RateLimitBucket("key:" + apiKeyId, policy);
    }

    /** A key's counters on one API surface: the canonical API's are the key's own, a dialect's are apart. */
    public static RateLimitBucket forKey(String apiKeyId, ApiSurface surface, RateLimitPolicy keyPolicy) {
        RateLimitPolicy policy = surface.policyFor(keyPolicy);
        return surface.canonical() ? forKey(apiKeyId, policy)
                : new RateLimitBucket("key:" + apiKeyId + ":" + surface.name(), policy);
    }

    public static RateLimitBucket forClient(String clientAddress, RateLimitPolicy policy) {
        return new RateLimitBucket("ip:" + clientAddress, policy);
    }
}
