package dev.paysuite.payments.application.port.out;

import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import java.util.Optional;

public interface ResolvePaymentMethodPort {
    /** The instrument behind a merchant's payment method or token; empty when the merchant has no such thing. */
    Optional<PaymentInstrument> resolve(String merchantId, boolean livemode, PaymentSource source);
}
