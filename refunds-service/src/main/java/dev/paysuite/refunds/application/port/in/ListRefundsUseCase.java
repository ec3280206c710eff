package dev.paysuite.refunds.application.port.in;

import dev.paysuite.kernel.page.Page;
import dev.paysuite.refunds.application.domain.model.Refund;

public interface ListRefundsUseCase {
    Page<Refund> list(ListRefundsQuery query);
}
