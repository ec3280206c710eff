package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.payments.application.domain.model.Payment;

public interface ListPaymentsPort {
    Slice<Payment> list(PaymentFilter filter, PageRequest page);

    long count(PaymentFilter filter);
}
