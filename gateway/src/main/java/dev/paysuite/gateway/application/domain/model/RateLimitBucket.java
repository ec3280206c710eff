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

    public static RateLimitBucket forClient(String clientAddress, RateLimitPolicy policy) {
        return new RateLimitBucket("ip:" + clientAddress, policy);
    }
}
