package dev.paysuite.payments.application.port.out;

import dev.paysuite.payments.application.domain.model.PaymentStatus;
import java.time.Instant;

/**
 * Which of a merchant's payments a list covers; null fields do not filter. Bounds are exclusive.
 * {@code subscription} keeps a subscription's cycle payments.
 */
public record PaymentFilter(String merchantId, boolean livemode, PaymentStatus status, String customerId,
        Instant createdAfter, Instant createdBefore, String paymentLink, String subscription) {

    public PaymentFilter(String merchantId, boolean livemode, PaymentStatus status, String customerId,
            Instant createdAfter, Instant createdBefore, String paymentLink) {
        this(merchantId, livemode, status, customerId, createdAfter, createdBefore, paymentLink, null);
    }

    public PaymentFilter(String merchantId, boolean livemode, PaymentStatus status, String customerId,
            Instant createdAfter, Instant createdBefore) {
        this(merchantId, livemode, status, customerId, createdAfter, createdBefore, null, null);
    }
}
