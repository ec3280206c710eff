package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;

@ChangesState
public interface SaveRefundablePaymentPort {
    /** Inserts or updates; never replaces a view of the payment with an older one. */
    void save(RefundablePayment payment);
}
