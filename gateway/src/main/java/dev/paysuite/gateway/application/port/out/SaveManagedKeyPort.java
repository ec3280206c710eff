package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.IssuedKey;
import dev.paysuite.gateway.application.domain.model.ManagedKey;
import dev.paysuite.kernel.tx.ChangesState;

@ChangesState
public interface SaveManagedKeyPort {
    /** Stores a new key with the hash of its secret (never the secret). */
    void insert(IssuedKey issued);

    /** Stores the key's expiry, revocation and rate limit. */
    void update(ManagedKey key);
}
