package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.ManagedKey;
import dev.paysuite.kernel.tx.ChangesState;
import java.util.List;
import java.util.Optional;

public interface LoadManagedKeyPort {
    /** The key, locked until the step's transaction ends, so concurrent changes of it run one after the other. */
    @ChangesState
    Optional<ManagedKey> lockKey(String keyId);

    /** The merchant's keys, newest first. */
    List<ManagedKey> keysOf(String merchantId);
}
