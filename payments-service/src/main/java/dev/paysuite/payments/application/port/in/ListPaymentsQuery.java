package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One page of a merchant's payments, newest first, optionally only those with a status, of a
 * customer, or created in a window (bounds exclusive), or made on a payment link, or a
 * subscription's cycles.
 */
public record ListPaymentsQuery(String merchantId, boolean livemode, PaymentStatus status, String customerId,
        Instant createdAfter, Instant createdBefore, String paymentLink, String subscription, PageQuery page) {

    public ListPaymentsQuery(String merchantId, boolean livemode, PaymentStatus status, String customerId,
            Instant createdAfter, Instant createdBefore, String paymentLink, PageQuery page) {
        this(merchantId, livemode, status, customerId, createdAfter, createdBefore, paymentLink, null, page);
    }

    public ListPaymentsQuery(String merchantId, boolean livemode, PaymentStatus status, String customerId,
            Instant createdAfter, Instant createdBefore, PageQuery page) {
        this(merchantId, livemode, status, customerId, createdAfter, createdBefore, null, null, page);
    }

    public ListPaymentsQuery {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        Objects.requireNonNull(page, "page");
    }
}
