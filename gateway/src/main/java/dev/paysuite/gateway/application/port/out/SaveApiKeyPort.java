package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.ApiKeySecret;
import dev.paysuite.kernel.tx.ChangesState;

@ChangesState
public interface SaveApiKeyPort {
    /**
     * Stores the key with the hash of its secret (never the secret), or brings an existing key with
     * this id back to this secret, merchant and mode, unrevoked, keeping the rate limits an operator
     * may have changed.
     */
    void saveKeepingLimits(ApiKey key, ApiKeySecret secret);
}
