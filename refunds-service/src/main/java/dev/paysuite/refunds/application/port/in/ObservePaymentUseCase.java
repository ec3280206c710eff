package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import java.util.OptionalLong;

public interface ObservePaymentUseCase {
    /**
     * Brings the local view of the payment up to this state, unless it already knows a newer one.
     *
     * @param amountDisputed what disputes hold of the payment now, as the event says ({@code amount_disputed});
     *        empty when it does not say, and the view keeps what it knew
     */
    void observe(PaymentSnapshot payment, OptionalLong amountDisputed);

    /** The same, for news of a payment that says nothing of disputes. */
    default void observe(PaymentSnapshot payment) {
        observe(payment, OptionalLong.empty());
    }
}
