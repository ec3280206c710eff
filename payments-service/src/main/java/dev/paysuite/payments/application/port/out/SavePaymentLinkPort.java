package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.PaymentLink;

public interface SavePaymentLinkPort {
    @ChangesState
    void insert(PaymentLink link);

    @ChangesState
    void update(PaymentLink link);
}
