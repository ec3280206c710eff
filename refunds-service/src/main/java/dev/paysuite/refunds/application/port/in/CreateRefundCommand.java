package dev.paysuite.refunds.application.port.in;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.PaymentId;

/**
 * Refund part or all ({@code amount} null) of a merchant's payment, in the payment's currency and
 * minor unit ({@code currency}, when given, must be the payment's).
 */
public record CreateRefundCommand(String merchantId, boolean livemode, PaymentId paymentId, Long amount,
        String currency, String reason, Metadata metadata) {

    public CreateRefundCommand {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        if (paymentId == null || paymentId.value().isBlank()) {
            throw DomainException.missing("paymentId");
        }
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    public CreateRefundCommand(String merchantId, boolean livemode, String paymentId, Long amount, String currency,
            String reason, Metadata metadata) {
        this(merchantId, livemode, paymentId == null ? null : new PaymentId(paymentId), amount, currency, reason,
                metadata);
    }
}
