package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.Refund;

public interface CreateRefundUseCase {
    Refund create(CreateRefundCommand command);
}
