package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.payments.application.domain.model.Payment;

public interface CreatePaymentUseCase {
    /**
     * Opens the payment (recorded processing, {@code recorded} told inside that transaction), asks the
     * processor to authorize it, and records the answer. A decline is not an exception: the failed
     * payment is kept and answered, with its failure. When the processor's answer does not come in
     * time the payment is answered processing, and its outcome is recorded later.
     */
    Payment create(CreatePaymentCommand command, Recorded recorded);

    default Payment create(CreatePaymentCommand command) {
        return create(command, Recorded.NOBODY);
    }
}
