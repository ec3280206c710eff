package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.money.Money;

/** What the processor needs to send money back: which payment, how much, and the card it came from. */
public record RefundInstruction(RefundId refundId, PaymentId paymentId, Money amount, String cardLast4,
        boolean livemode) {
}
