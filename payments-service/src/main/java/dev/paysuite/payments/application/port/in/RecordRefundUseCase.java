package dev.paysuite.payments.application.port.in;

import dev.paysuite.payments.application.domain.model.Payment;

public interface RecordRefundUseCase {
    Payment recordRefund(RecordRefundCommand command);
}
