package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.Merchant;
import dev.paysuite.kernel.tx.ChangesState;

@ChangesState
public interface CreateMerchantPort {
    /** Stores a new merchant. */
    void create(Merchant merchant);
}
