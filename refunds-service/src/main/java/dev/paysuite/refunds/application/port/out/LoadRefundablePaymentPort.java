package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import java.util.Optional;

public interface LoadRefundablePaymentPort {
    /** The latest committed view, read afresh each call. */
    Optional<RefundablePayment> find(PaymentId paymentId);

    /** Loads and locks the payment's view until the step's transaction ends: refunds of one payment go one at a time. */
    @ChangesState
    Optional<RefundablePayment> lock(PaymentId paymentId);
}
