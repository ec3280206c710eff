package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.port.in.ListPaymentsQuery;
import dev.paysuite.payments.application.port.in.ListPaymentsUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.ListPaymentsPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PaymentFilter;

public class ListPaymentsService implements ListPaymentsUseCase {
    private final ListPaymentsPort list;
    private final LoadPaymentPort load;

    public ListPaymentsService(ListPaymentsPort list, LoadPaymentPort load) {
        this.list = list;
        this.load = load;
    }

    @Override
    public Page<Payment> list(ListPaymentsQuery q) {
        PaymentFilter filter = new PaymentFilter(q.merchantId(), q.livemode(), q.status(), q.customerId(),
                q.createdAfter(), q.createdBefore(), q.paymentLink(), q.subscription());
        PageRequest request = q.page().resolve(id -> load.load(new PaymentRef(q.merchantId(), q.livemode(), id)));
        return Page.of(request, list.list(filter, request), list.count(filter));
    }
}
