package dev.paysuite.platform.idempotency;

import java.util.Objects;

/**
 * A state-changing request as its Idempotency-Key sees it: whose it is and in which mode (a key is
 * per merchant and per mode), the key (null when none was sent), and what it asks (method, path and
 * the parsed body make the fingerprint a reuse must match).
 */
public record IdempotentRequest(String merchantId, boolean livemode, String key, String method, String path,
        Object body) {
    public IdempotentRequest {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }
}
