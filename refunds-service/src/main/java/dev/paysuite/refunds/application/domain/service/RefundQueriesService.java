package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundException;
import dev.paysuite.refunds.application.port.in.GetRefundUseCase;
import dev.paysuite.refunds.application.port.in.ListRefundsQuery;
import dev.paysuite.refunds.application.port.in.ListRefundsUseCase;
import dev.paysuite.refunds.application.port.in.RefundRef;
import dev.paysuite.refunds.application.port.out.ListRefundsPort;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.RefundFilter;

public class RefundQueriesService implements GetRefundUseCase, ListRefundsUseCase {
    private final LoadRefundPort load;
    private final ListRefundsPort list;

    public RefundQueriesService(LoadRefundPort load, ListRefundsPort list) {
        this.load = load;
        this.list = list;
    }

    @Override
    public Refund get(RefundRef ref) {
        return load.load(ref).orElseThrow(() -> RefundException.refundNotFound(ref.refundId().value()));
    }

    @Override
    public Page<Refund> list(ListRefundsQuery q) {
        RefundFilter filter = new RefundFilter(q.merchantId(), q.livemode(), q.paymentId(), q.status());
        PageRequest request = q.page().resolve(id -> load.load(new RefundRef(q.merchantId(), q.livemode(), id)));
        return Page.of(request, list.list(filter, request), list.count(filter));
    }
}
