package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.page.Page;
import dev.paysuite.payments.application.domain.model.Payment;

public interface ListPaymentsUseCase {
    Page<Payment> list(ListPaymentsQuery query);
}
