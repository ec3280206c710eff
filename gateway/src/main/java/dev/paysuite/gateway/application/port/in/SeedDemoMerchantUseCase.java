package dev.paysuite.gateway.application.port.in;

import java.util.Objects;

public interface SeedDemoMerchantUseCase {

    /** The demo merchant of a local run and its test key (seed 002's), so the seeds' examples work. */
    record DemoMerchant(String merchantId, String name, String keyId, String secret) {
        public DemoMerchant {
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(secret, "secret");
        }
    }

    /**
     * Makes sure the merchant exists and its key works with this secret. Idempotent, safe for
     * replicas starting together, and it keeps limits an operator has changed.
     *
     * @throws IllegalArgumentException when the secret is not a well-formed test key
     */
    void seed(DemoMerchant demo);
}
