package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.money.Money;
import java.util.Objects;

/** A refund of the payment succeeded (refunds-service said so on refunds.events). */
public record RecordRefundCommand(PaymentRef payment, String refundId, Money amount) {
    public RecordRefundCommand {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
    }
}
