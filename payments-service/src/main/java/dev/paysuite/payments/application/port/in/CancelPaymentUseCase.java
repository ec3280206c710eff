package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.payments.application.domain.model.Payment;

public interface CancelPaymentUseCase {
    /** Cancels; an authorization the processor holds is voided there first. */
    Payment cancel(CancelPaymentCommand command, Recorded recorded);

    default Payment cancel(CancelPaymentCommand command) {
        return cancel(command, Recorded.NOBODY);
    }
}
