package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.refunds.application.domain.model.Refund;

public interface ListRefundsPort {
    Slice<Refund> list(RefundFilter filter, PageRequest page);

    long count(RefundFilter filter);
}
