package dev.paysuite.refunds.application.port.in;

import dev.paysuite.refunds.application.domain.model.Metadata;
import dev.paysuite.refunds.application.domain.model.RefundErrorCodes;
import dev.paysuite.refunds.application.domain.model.RefundException;

/**
 * Refund part or all ({@code amount} null) of a merchant's payment, in the payment's currency and
 * minor unit ({@code currency}, when given, must be the payment's).
 */
public record CreateRefundCommand(String merchantId, boolean livemode, String paymentId, Long amount, String currency,
        String reason, Metadata metadata) {

    public CreateRefundCommand {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        if (paymentId == null || paymentId.isBlank()) {
            throw RefundException.invalid(RefundErrorCodes.PARAMETER_MISSING, "Missing required parameter: payment_id.",
                    "payment_id");
        }
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }
}
