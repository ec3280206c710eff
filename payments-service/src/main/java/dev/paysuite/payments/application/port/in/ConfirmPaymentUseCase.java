package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.payments.application.domain.model.Payment;

public interface ConfirmPaymentUseCase {
    /** Goes on with a payment that waited for 3-D Secure, once the payer completed it. */
    Payment confirm(PaymentRef payment, Recorded recorded);

    default Payment confirm(PaymentRef payment) {
        return confirm(payment, Recorded.NOBODY);
    }
}
