package dev.paysuite.refunds.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.money.Money;
import java.util.Locale;
import java.util.Set;

/**
 * refunds-service's own view of a payment: what payments.events said of it (captured amount,
 * status, card), plus what refunds already claim of it ({@code amountReserved}: pending and
 * succeeded refunds). Refunds are decided against this view only, never by asking payments-service.
 *
 * @param refundEventSequence how many refund events this payment has had, to number the next
 */
public record RefundablePayment(PaymentSnapshot payment, long amountReserved, long refundEventSequence) {
    private static final Set<String> REFUNDABLE = Set.of("succeeded", "partially_refunded", "refunded");
    /** States that may still become refundable (the projection may just not have caught up). */
    private static final Set<String> NOT_YET = Set.of("pending", "processing", "requires_action", "requires_capture");

    public RefundablePayment {
        if (amountReserved < 0 || amountReserved > payment.amountCaptured()) {
            throw new IllegalArgumentException("reserved amount out of range");
        }
    }

    public static RefundablePayment firstSeen(PaymentSnapshot payment) {
        return new RefundablePayment(payment, 0, 0);
    }

    public boolean isRefundable() {
        return REFUNDABLE.contains(payment.status());
    }

    /** Not refundable now, but it may be in a moment: a newer event may be on its way. */
    public boolean mayBecomeRefundable() {
        return NOT_YET.contains(payment.status());
    }

    public long remaining() {
        return payment.amountCaptured() - amountReserved;
    }

    /** A newer state of the payment; older or repeated ones change nothing. */
    public RefundablePayment observe(PaymentSnapshot newer) {
        if (newer.sequence() <= payment.sequence()) {
            return this;
        }
        long captured = Math.max(newer.amountCaptured(), amountReserved);
        return new RefundablePayment(new PaymentSnapshot(newer.paymentId(), newer.merchantId(), newer.livemode(),
                newer.currency(), newer.amount(), captured, newer.status(), newer.cardLast4(), newer.sequence()),
                amountReserved, refundEventSequence);
    }

    /**
     * Claims {@code requested} of what is left (all of it when null), in the payment's currency
     * and minor unit.
     */
    public RefundablePayment reserve(Long requested, String currency) {
        if (!isRefundable()) {
            throw RefundException.invalid(RefundErrorCodes.PAYMENT_NOT_REFUNDABLE,
                    "Only a succeeded or partially refunded payment can be refunded; this one is '"
                            + payment.status() + "'.", "paymentId");
        }
        String code = payment.currency().code();
        if (currency != null && !currency.toUpperCase(Locale.ROOT).equals(code)) {
            throw RefundException.invalid(RefundErrorCodes.CURRENCY_MISMATCH,
                    "A refund is in the payment's currency, " + code + ".", "currency");
        }
        if (requested != null && requested <= 0) {
            throw RefundException.invalid(ErrorCodes.AMOUNT_INVALID,
                    "{amount} must be a positive integer in the payment's minor unit.", "amount");
        }
        // As Money: more than the currency allows is bad input (400), whatever is left to refund.
        long amount = requested == null ? remaining() : new Money(requested, payment.currency()).amount();
        if (remaining() == 0) {
            throw new RefundException(DomainException.Kind.CONFLICT, RefundErrorCodes.PAYMENT_FULLY_REFUNDED,
                    "Payment " + payment.paymentId() + " has already been fully refunded.", "paymentId");
        }
        if (amount > remaining()) {
            throw new RefundException(DomainException.Kind.UNPROCESSABLE, RefundErrorCodes.REFUND_EXCEEDS_REMAINING,
                    "Refund amount (" + amount + ") is more than is left to refund (" + remaining() + ").", "amount");
        }
        return new RefundablePayment(payment, amountReserved + amount, refundEventSequence);
    }

    /** Gives back what a failed refund had claimed. */
    public RefundablePayment release(long amount) {
        return new RefundablePayment(payment, amountReserved - amount, refundEventSequence);
    }

    /** The next refund-event number for this payment. */
    public RefundablePayment nextEvent() {
        return new RefundablePayment(payment, amountReserved, refundEventSequence + 1);
    }
}
