package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.Payment;

@ChangesState
public interface SavePaymentPort {
    void insert(Payment payment);

    void update(Payment payment);
}
