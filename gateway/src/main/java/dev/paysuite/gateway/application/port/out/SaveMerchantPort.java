package dev.paysuite.gateway.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;

@ChangesState
public interface SaveMerchantPort {
    /** Creates the merchant unless it exists (an existing one is left as it is). */
    void saveIfMissing(String merchantId, String name);
}
