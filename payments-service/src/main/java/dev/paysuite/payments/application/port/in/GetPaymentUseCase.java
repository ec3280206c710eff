package dev.paysuite.payments.application.port.in;

import dev.paysuite.payments.application.domain.model.Payment;

public interface GetPaymentUseCase {
    /** @throws dev.paysuite.payments.application.domain.model.PaymentException not found, also for another merchant's payment */
    Payment get(PaymentRef ref);
}
