package dev.paysuite.payments.application.port.in;

import dev.paysuite.payments.application.domain.model.Payment;

public interface CreatePaymentUseCase {
    /**
     * Opens and authorizes the payment. A decline is not an exception: the failed payment is kept
     * and answered, with its failure.
     */
    Payment create(CreatePaymentCommand command);
}
