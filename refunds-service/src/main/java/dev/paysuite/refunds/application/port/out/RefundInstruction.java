package dev.paysuite.refunds.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.refunds.application.domain.model.PaymentSnapshot;
import dev.paysuite.refunds.application.domain.model.Refund;

/**
 * What the processor needs to send money back: which payment, how much, and the card it came from.
 * The refund id is the acquirer key.
 */
public record RefundInstruction(RefundId refundId, PaymentId paymentId, Money amount, String cardLast4,
        boolean livemode) {

    public static RefundInstruction of(Refund refund, PaymentSnapshot payment) {
        return new RefundInstruction(refund.id(), refund.paymentId(), refund.amount(), payment.cardLast4(),
                refund.livemode());
    }
}
