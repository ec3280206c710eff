package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.money.Money;
import java.util.Objects;

/**
 * A refund of the payment succeeded (refunds-service said so on refunds.events, in the payment's
 * refund event {@code refundEvent}).
 */
public record RecordRefundCommand(PaymentRef payment, String refundId, Money amount, long refundEvent) {
    public RecordRefundCommand {
        if (refundEvent < 0) {
            throw new IllegalArgumentException("refund events count from 1 (0: unknown)");
        }
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
    }
}
