package dev.paysuite.refunds.application.domain.model;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import java.util.Objects;

/**
 * What refunds-service needs to know of a payment, as of one event on payments.events: amounts in
 * the minor unit of {@code currency}; {@code sequence} is that event's position in the payment's history.
 */
public record PaymentSnapshot(PaymentId paymentId, String merchantId, boolean livemode, CurrencyUnit currency,
        long amount, long amountCaptured, String status, String cardLast4, long sequence) {

    public PaymentSnapshot {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        if (amount < 0 || amountCaptured < 0) {
            throw new IllegalArgumentException("a payment's amounts are never negative");
        }
    }

    /** The same state of the payment, known as of a later event of its history (one that did not change it). */
    public PaymentSnapshot seenUpTo(long laterSequence) {
        return new PaymentSnapshot(paymentId, merchantId, livemode, currency, amount, amountCaptured, status, cardLast4,
                laterSequence);
    }

    public boolean ownedBy(String merchant, boolean mode) {
        return merchantId.equals(merchant) && livemode == mode;
    }
}
