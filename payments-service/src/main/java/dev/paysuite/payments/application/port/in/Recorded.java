package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.PaymentId;

/**
 * Told, inside the transaction that records a change before the processor is asked, which payment
 * it is: an inbound adapter binds its Idempotency-Key to it there, so that a retry after a crash
 * answers with that payment instead of making another.
 */
@FunctionalInterface
public interface Recorded {
    Recorded NOBODY = id -> {
    };

    void payment(PaymentId id);
}
