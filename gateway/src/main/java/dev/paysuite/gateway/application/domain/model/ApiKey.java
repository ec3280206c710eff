package dev.paysuite.gateway.application.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A merchant's API key as the gateway keeps it: the secret itself is not known, only its hash.
 *
 * @param expiresAt null unless the key was rolled: it is refused from that instant on
 */
public record ApiKey(String id, String merchantId, Mode mode, RateLimitPolicy rateLimit, boolean revoked,
        Permissions permissions, Instant expiresAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(permissions, "permissions");
    }

    /** A key that never expires. */
    public ApiKey(String id, String merchantId, Mode mode, RateLimitPolicy rateLimit, boolean revoked,
            Permissions permissions) {
        this(id, merchantId, mode, rateLimit, revoked, permissions, null);
    }

    /** A secret key: it may do everything its merchant may. */
    public ApiKey(String id, String merchantId, Mode mode, RateLimitPolicy rateLimit, boolean revoked) {
        this(id, merchantId, mode, rateLimit, revoked, Permissions.ALL);
    }

    /**
     * A revoked key is refused, and so is a rolled one past its grace period ({@code expiresAt}),
     * and one whose stored mode or kind disagrees with the secret's prefix (a corrupted row must not
     * turn a test key into a live one, nor a restricted key into a secret one).
     */
    public boolean authenticates(ApiKeySecret secret, Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt)) && mode == secret.mode()
                && permissions.unrestricted() != secret.restricted();
    }

    public Caller caller() {
        return new Caller(merchantId, mode, id, permissions);
    }
}
