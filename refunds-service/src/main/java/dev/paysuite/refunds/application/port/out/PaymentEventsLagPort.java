package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.id.PaymentId;

public interface PaymentEventsLagPort {
    /**
     * Whether payments.events holds events, in the part of the topic that carries this payment's,
     * that the view has not applied yet: news of the payment may be on its way. True when it cannot
     * be told (the broker does not answer), so that a request waits rather than answer too early.
     */
    boolean newsMayBeInFlight(PaymentId paymentId);
}
