package dev.paysuite.refunds.application.domain.service;

import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundErrorCodes;
import dev.paysuite.refunds.application.domain.model.RefundException;
import dev.paysuite.refunds.application.port.in.GetRefundQuery;
import dev.paysuite.refunds.application.port.in.ListRefundsQuery;
import dev.paysuite.refunds.application.port.in.ListRefundsUseCase;
import dev.paysuite.refunds.application.port.in.RefundPage;
import dev.paysuite.refunds.application.port.in.RefundRef;
import dev.paysuite.refunds.application.port.out.ListRefundsPort;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.PageRequest;
import dev.paysuite.refunds.application.port.out.RefundFilter;
import dev.paysuite.refunds.application.port.out.RefundSlice;
import java.util.List;

public class RefundQueriesService implements GetRefundQuery, ListRefundsUseCase {
    private final LoadRefundPort load;
    private final ListRefundsPort list;

    public RefundQueriesService(LoadRefundPort load, ListRefundsPort list) {
        this.load = load;
        this.list = list;
    }

    @Override
    public Refund get(RefundRef ref) {
        return load.load(ref).orElseThrow(() -> RefundException.refundNotFound(ref.refundId()));
    }

    @Override
    public RefundPage list(ListRefundsQuery q) {
        RefundFilter filter = new RefundFilter(q.merchantId(), q.livemode(), q.paymentId(), q.status());
        PageRequest page;
        if (q.startingAfter() != null) {
            Refund cursor = cursor(q, q.startingAfter(), "starting_after");
            page = new PageRequest.After(cursor.createdAt(), cursor.id(), q.limit());
        } else if (q.endingBefore() != null) {
            Refund cursor = cursor(q, q.endingBefore(), "ending_before");
            page = new PageRequest.Before(cursor.createdAt(), cursor.id(), q.limit());
        } else {
            page = new PageRequest.FromOffset(q.offset(), q.limit());
        }
        RefundSlice slice = list.list(filter, page);
        List<Refund> items = slice.items();
        boolean olderExist = page instanceof PageRequest.Before ? !items.isEmpty() : slice.hasMore();
        String next = olderExist && !items.isEmpty() ? items.get(items.size() - 1).id() : null;
        return new RefundPage(items, slice.hasMore(), next, list.count(filter));
    }

    private Refund cursor(ListRefundsQuery q, String id, String param) {
        return load.load(new RefundRef(q.merchantId(), q.livemode(), id))
                .orElseThrow(() -> RefundException.invalid(RefundErrorCodes.REFUND_NOT_FOUND,
                        "No such refund: '" + id + "' (used as " + param + ").", param));
    }
}
