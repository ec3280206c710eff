package dev.paysuite.refunds.application.domain.model;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import java.util.Objects;
import java.util.Set;

/**
 * What refunds-service needs to know of a payment's dispute, as of one dispute event on
 * payments.events: its amount, in the minor unit of {@code currency} (the payment's), and its status.
 * {@code sequence} is the event's position in the PAYMENT's history: dispute events take the payment's
 * next number, like its own events.
 */
public record DisputeSnapshot(PaymentId paymentId, String merchantId, boolean livemode, CurrencyUnit currency,
        long amount, String status, long sequence) {
    /** Every status a dispute can have. */
    public static final Set<String> STATUSES = Set.of("needs_response", "under_review", "won", "lost", "closed");
    /** Final statuses that give the money back to the merchant: the dispute holds nothing any more. */
    private static final Set<String> RELEASED = Set.of("won", "closed");

    public DisputeSnapshot {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("a dispute's status is one of " + STATUSES);
        }
        if (amount < 0) {
            throw new IllegalArgumentException("a dispute's amount is never negative");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("a dispute event has a sequence of 1 or more");
        }
    }

    /**
     * What the dispute holds of the payment now: its amount, unless it ended with the money released
     * to the merchant ({@code won}, or {@code closed}: the cardholder withdrew). A {@code lost} dispute
     * keeps holding it.
     */
    public long held() {
        return RELEASED.contains(status) ? 0 : amount;
    }

    /** Whether this is a dispute of that payment as the view knows it: same merchant, mode and currency. */
    public boolean concerns(PaymentSnapshot payment) {
        return payment.paymentId().equals(paymentId) && payment.merchantId().equals(merchantId)
                && payment.livemode() == livemode && payment.currency().equals(currency);
    }
}
