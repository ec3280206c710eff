package dev.paysuite.gateway.application.port.out;

import dev.paysuite.gateway.application.domain.model.Merchant;
import java.util.Optional;

public interface LoadMerchantPort {
    Optional<Merchant> loadMerchant(String merchantId);
}
