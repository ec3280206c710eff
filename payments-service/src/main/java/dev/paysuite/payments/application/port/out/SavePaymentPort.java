package dev.paysuite.payments.application.port.out;

import dev.paysuite.payments.application.domain.model.Payment;

public interface SavePaymentPort {
    void insert(Payment payment);

    void update(Payment payment);
}
