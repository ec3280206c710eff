package dev.paysuite.payments.application.domain.service;

import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.port.in.ListPaymentsQuery;
import dev.paysuite.payments.application.port.in.ListPaymentsUseCase;
import dev.paysuite.payments.application.port.in.PaymentPage;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.ListPaymentsPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PageRequest;
import dev.paysuite.payments.application.port.out.PaymentFilter;
import dev.paysuite.payments.application.port.out.PaymentSlice;
import java.util.List;

public class ListPaymentsService implements ListPaymentsUseCase {
    private final ListPaymentsPort list;
    private final LoadPaymentPort load;

    public ListPaymentsService(ListPaymentsPort list, LoadPaymentPort load) {
        this.list = list;
        this.load = load;
    }

    @Override
    public PaymentPage list(ListPaymentsQuery q) {
        PaymentFilter filter = new PaymentFilter(q.merchantId(), q.livemode(), q.status(), q.customerId(),
                q.createdAfter(), q.createdBefore());
        PageRequest page;
        if (q.startingAfter() != null) {
            Payment cursor = cursor(q, q.startingAfter(), "starting_after");
            page = new PageRequest.After(cursor.createdAt(), cursor.id().value(), q.limit());
        } else if (q.endingBefore() != null) {
            Payment cursor = cursor(q, q.endingBefore(), "ending_before");
            page = new PageRequest.Before(cursor.createdAt(), cursor.id().value(), q.limit());
        } else {
            page = new PageRequest.FromOffset(q.offset(), q.limit());
        }
        PaymentSlice slice = list.list(filter, page);
        List<Payment> items = slice.items();
        // Older payments exist after the last item if the page says so, or always when paging backwards.
        boolean olderExist = page instanceof PageRequest.Before ? !items.isEmpty() : slice.hasMore();
        String nextCursor = olderExist && !items.isEmpty() ? items.get(items.size() - 1).id().value() : null;
        return new PaymentPage(items, slice.hasMore(), nextCursor, list.count(filter));
    }

    private Payment cursor(ListPaymentsQuery q, String id, String param) {
        return load.load(new PaymentRef(q.merchantId(), q.livemode(), id))
                .orElseThrow(() -> PaymentException.invalid(PaymentErrorCodes.PAYMENT_NOT_FOUND,
                        "No such payment: '" + id + "' (used as " + param + ").", param));
    }
}
