package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API key as the admin API shows and changes it: everything but its secret, of which only the
 * display prefix is known.
 *
 * @param expiresAt null unless the key was rolled: it is refused from then on
 * @param revokedAt null unless it was revoked: it is refused from then on, at once
 */
public record ManagedKey(String id, String merchantId, Mode mode, Permissions permissions, String prefix,
        RateLimitPolicy rateLimit, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    public static final String ID_PREFIX = "key_";

    public ManagedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A new key of the merchant, and its secret: a secret key may do everything, a restricted one
     * only what its scopes name (at least one).
     */
    public static IssuedKey issue(String id, String merchantId, Mode mode, boolean restricted, Set<Scope> scopes,
            RateLimitPolicy rateLimit, Instant now) {
        if (restricted && (scopes == null || scopes.isEmpty())) {
            throw AdminException.invalid(ErrorCodes.PARAMETER_MISSING,
                    "A restricted key needs at least one scope in {scopes}.", "scopes");
        }
        if (!restricted && scopes != null && !scopes.isEmpty()) {
            throw AdminException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "A secret key may do everything: {scopes} is only for restricted keys.", "scopes");
        }
        ApiKeySecret secret = ApiKeySecret.generate(mode, restricted);
        Permissions permissions = restricted ? Permissions.only(scopes) : Permissions.ALL;
        return new IssuedKey(new ManagedKey(id, merchantId, mode, permissions, secret.displayPrefix(), rateLimit, now,
                null, null), secret);
    }

    public boolean restricted() {
        return !permissions.unrestricted();
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Refused from now on: revoked, or rolled and past its grace period. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * Rolls the key: its successor (a new id and secret, the same merchant, mode, scopes and limits)
     * and this key expiring at the end of the grace period (or sooner, if an earlier roll said so).
     * A key that no longer works cannot be rolled: a new key is what it needs.
     */
    public Rolled roll(String successorId, GracePeriod grace, Instant now) {
        if (!usableAt(now)) {
            throw AdminException.conflict(AdminException.KEY_REVOKED,
                    "This API key is revoked or expired, so it cannot be rolled: create a new key instead.");
        }
        Instant end = now.plus(grace.duration());
        ManagedKey old = new ManagedKey(id, merchantId, mode, permissions, prefix, rateLimit, createdAt,
                expiresAt != null && expiresAt.isBefore(end) ? expiresAt : end, revokedAt);
        ApiKeySecret secret = ApiKeySecret.generate(mode, restricted());
        ManagedKey successor = new ManagedKey(successorId, merchantId, mode, permissions, secret.displayPrefix(),
                rateLimit, now, null, null);
        return new Rolled(old, new IssuedKey(successor, secret));
    }

    /** Revoked from now on; revoking again changes nothing. */
    public ManagedKey revoke(Instant now) {
        return revoked() ? this
                : new ManagedKey(id, merchantId, mode, permissions, prefix, rateLimit, createdAt, expiresAt, now);
    }

    public ManagedKey withRateLimit(RateLimitPolicy policy) {
        return new ManagedKey(id, merchantId, mode, permissions, prefix, policy, createdAt, expiresAt, revokedAt);
    }

    /** What a roll made: the old key with its end, and its successor with the secret to show once. */
    public record Rolled(ManagedKey old, IssuedKey successor) {
    }
}
