package dev.paysuite.refunds.application.port.out;

import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import java.util.Optional;

public interface LoadRefundablePaymentPort {
    /** The latest committed view, read afresh each call. */
    Optional<RefundablePayment> find(String paymentId);

    /** Loads and locks the payment's view until the transaction ends: refunds of one payment go one at a time. */
    Optional<RefundablePayment> lock(String paymentId);
}
