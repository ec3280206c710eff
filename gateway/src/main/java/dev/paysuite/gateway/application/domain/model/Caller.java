package dev.paysuite.gateway.application.domain.model;

import java.util.Objects;

/** An authenticated caller: the merchant, the mode of its key, and which key. */
public record Caller(String merchantId, Mode mode, String keyId) {
    public Caller {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keyId, "keyId");
    }
}
