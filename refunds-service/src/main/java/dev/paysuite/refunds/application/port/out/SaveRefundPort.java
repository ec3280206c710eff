package dev.paysuite.refunds.application.port.out;

import dev.paysuite.refunds.application.domain.model.Refund;

public interface SaveRefundPort {
    void insert(Refund refund);

    void update(Refund refund);
}
