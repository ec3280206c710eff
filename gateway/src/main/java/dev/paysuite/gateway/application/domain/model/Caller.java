package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** An authenticated caller: the merchant, the mode of its key, which key, and what it may do. */
public record Caller(String merchantId, Mode mode, String keyId, Permissions permissions) {
    public Caller {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(permissions, "permissions");
    }

    /** A caller with a secret key: every scope. */
    public Caller(String merchantId, Mode mode, String keyId) {
        this(merchantId, mode, keyId, Permissions.ALL);
    }
}
