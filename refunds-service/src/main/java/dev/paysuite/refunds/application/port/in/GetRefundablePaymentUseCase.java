package dev.paysuite.refunds.application.port.in;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.refunds.application.domain.model.RefundablePayment;
import java.util.Optional;

public interface GetRefundablePaymentUseCase {
    /**
     * The latest committed view of a merchant's payment, read afresh each call, without a
     * transaction; empty while payments.events has not brought news of it (or for another merchant).
     */
    Optional<RefundablePayment> find(String merchantId, boolean livemode, PaymentId paymentId);

    /**
     * Whether events about the payment may have been published that the view has not applied yet
     * (the view is behind in the part of payments.events that carries them).
     */
    boolean newsMayBeInFlight(PaymentId paymentId);
}
