package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;

public interface ObservePaymentUseCase {
    /** Brings the local view of the payment up to this state, unless it already knows a newer one. */
    void observe(PaymentSnapshot payment);
}
