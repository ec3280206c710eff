package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.Refund;

public interface GetRefundUseCase {
    /** @throws dev.paysuite.refunds.application.domain.model.RefundException not found, also for another merchant's refund */
    Refund get(RefundRef ref);
}
