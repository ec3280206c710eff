package dev.paysuite.methods.application.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A token for card details the vault keeps sealed: what the gateway gets for an inline card, and the
 * test tokens ({@code tok_visa}, ...; {@code merchantId} null) every merchant may use in test mode.
 */
public record VaultToken(String id, String merchantId, boolean livemode, MethodType type, ShownDetails shown,
        String vaultRecordId, String secretHash, String idempotencyKey, Instant createdAt) {
    public static final String PREFIX = "tok_";

    public VaultToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(vaultRecordId, "vaultRecordId");
        Objects.requireNonNull(secretHash, "secretHash");
    }

    public boolean isShared() {
        return merchantId == null;
    }
}
