package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.DisputeSnapshot;

public interface ObserveDisputeUseCase {

    /** What became of news of a dispute. */
    enum Outcome {
        /** The view now holds what the dispute holds (never more than refunds left). */
        APPLIED,
        /** The view already knew this event of the payment's history, or a later one: nothing changed. */
        ALREADY_KNOWN,
        /** The view has never seen the payment, though its own events come first on its partition. */
        PAYMENT_UNKNOWN,
        /** The view knows the payment under another merchant, mode or currency than the dispute's. */
        NOT_THE_PAYMENTS
    }

    /**
     * Brings what the view holds for the payment's dispute up to this state, unless the view already
     * knows a newer event of the payment. Nothing is changed unless the outcome is {@code APPLIED}.
     */
    Outcome observe(DisputeSnapshot dispute);
}
