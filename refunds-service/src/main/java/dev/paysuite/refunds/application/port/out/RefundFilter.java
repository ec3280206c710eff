package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.refunds.application.domain.model.RefundStatus;

/** Which of a merchant's refunds a list covers; null fields do not filter. */
public record RefundFilter(String merchantId, boolean livemode, PaymentId paymentId, RefundStatus status) {
}
