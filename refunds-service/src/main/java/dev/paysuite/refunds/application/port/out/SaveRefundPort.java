package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.refunds.application.domain.model.Refund;

@ChangesState
public interface SaveRefundPort {
    void insert(Refund refund);

    void update(Refund refund);
}
