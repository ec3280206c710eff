package dev.paysuite.refunds.application.port.in;

import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.refunds.application.domain.model.Refund;

public interface CreateRefundUseCase {
    /**
     * Claims the amount and records the refund pending ({@code recorded} told inside that
     * transaction), asks the processor with no transaction open, then records its answer. When the
     * answer does not come in time the refund is answered pending, and settled later.
     */
    Refund create(CreateRefundCommand command, Recorded recorded);

    default Refund create(CreateRefundCommand command) {
        return create(command, Recorded.NOBODY);
    }
}
