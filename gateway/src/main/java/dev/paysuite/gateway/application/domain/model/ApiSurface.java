package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Which API a request speaks: the canonical one ({@code /v1}), or a seed's dialect at a base path
 * of its own. Each has its own rate-limit counters for the same key, and a dialect that documents
 * a limit of its own (seed 001: 1,000 an hour) applies it instead of the key's policy.
 *
 * @param name {@code v1}, or the dialect's name
 * @param policy the dialect's documented policy; empty for the key's own
 */
public record ApiSurface(String name, Optional<RateLimitPolicy> policy) {
    public static final ApiSurface CANONICAL = new ApiSurface("v1", Optional.empty());

    public ApiSurface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
    }

    public boolean canonical() {
        return equals(CANONICAL);
    }

    /** The policy a key's request on this surface is counted with. */
    public RateLimitPolicy policyFor(RateLimitPolicy keyPolicy) {
        return policy.orElse(keyPolicy);
    }
}
