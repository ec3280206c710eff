package dev.paysuite.methods.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.methods.application.domain.model.VaultToken;
import java.util.Optional;

public interface TokenStore {
    /** Inserts the token; false when the merchant's idempotency key is already taken (a race lost). */
    @ChangesState
    boolean insert(VaultToken token);

    /** A token this merchant may use in this mode: its own, or (test mode only) a shared test token. */
    Optional<VaultToken> load(String merchantId, boolean livemode, String id);

    Optional<VaultToken> byIdempotencyKey(String merchantId, boolean livemode, String idempotencyKey);

    boolean exists(String id);
}
