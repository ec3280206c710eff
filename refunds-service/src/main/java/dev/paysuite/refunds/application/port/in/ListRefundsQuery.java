package dev.paysuite.refunds.application.port.in;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.refunds.application.domain.model.RefundStatus;
import java.util.Objects;

/** One page of a merchant's refunds (of one payment, when {@code paymentId} is given), newest first. */
public record ListRefundsQuery(String merchantId, boolean livemode, PaymentId paymentId, RefundStatus status,
        PageQuery page) {

    public ListRefundsQuery {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        Objects.requireNonNull(page, "page");
    }
}
